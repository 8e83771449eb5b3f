using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using Edge.Resolve.Server;
using Microsoft.Extensions.Logging;

namespace Edge.Resolve.Upstream;

/// <summary>Sends forwarded queries to the upstreams and matches their answers: a fresh random
/// id per try, random source ports, an in-flight table keyed by (socket, id), answers accepted
/// only from the upstream asked with the question asked; failover in configured order, TCP on
/// TC, SERVFAIL (through the waiter) when the deadline passes. One lock guards the bookkeeping;
/// waiters are called outside it.</summary>
internal sealed partial class UpstreamPool : IAsyncDisposable
{
    private const byte RcodeServFail = 2;
    private const byte RcodeRefused = 5;

    private readonly Lock _gate = new();
    private readonly ForwarderOptions _options;
    private readonly TimeProvider _time;
    private readonly ForwarderCounters _counters;
    private readonly ILogger _log;
    private readonly UpstreamState[] _upstreams;
    private readonly PendingQuery?[] _active;
    private readonly Stack<int> _freeSlots;
    private readonly Stack<PendingQuery> _spare = new();
    private readonly Dictionary<long, PendingQuery> _inFlight;
    private readonly Dictionary<int, PendingQuery> _leaders = [];
    private readonly UpstreamIdSource _ids = new();
    private readonly UdpUpstreamSockets? _udp4;
    private readonly UdpUpstreamSockets? _udp6;
    private readonly byte[] _sendScratch = new byte[ushort.MaxValue];
    private readonly List<(PendingQuery Query, Attempt Next)> _sweepOutcomes = [];
    private readonly long _timeoutTicks;
    private readonly long _deadlineTicks;
    private readonly ITimer _sweepTimer;
    private int _rented;
    private int _nextChannelId;
    private int _sweeping;
    private bool _disposed;

    public UpstreamPool(ForwarderOptions options, TimeProvider time, ForwarderCounters counters, ILogger log)
    {
        _options = options;
        _time = time;
        _counters = counters;
        _log = log;
        _timeoutTicks = Ticks(options.UpstreamTimeout);
        _deadlineTicks = Ticks(options.AnswerDeadline);
        _active = new PendingQuery?[options.MaxPendingUpstream];
        _freeSlots = new Stack<int>(options.MaxPendingUpstream);
        for (var i = options.MaxPendingUpstream - 1; i >= 0; i--)
            _freeSlots.Push(i);
        _inFlight = new Dictionary<long, PendingQuery>(Math.Min(options.MaxPendingUpstream, 1024));
        _upstreams = new UpstreamState[options.Upstreams.Count];
        for (var i = 0; i < _upstreams.Length; i++)
        {
            var state = _upstreams[i] = new UpstreamState(options.Upstreams[i], i);
            if (state.Server.Protocol == UpstreamProtocol.Tls)
                state.Tls = new TlsUpstreamChannel(this, state, NextChannelId(), options.UpstreamTimeout, time);
            else if (state.Server.Endpoint.AddressFamily == AddressFamily.InterNetworkV6)
                _udp6 ??= new UdpUpstreamSockets(this, AddressFamily.InterNetworkV6, options.UpstreamSockets, options.UpstreamSocketQueries, Ticks(options.UpstreamSocketLifetime));
            else
                _udp4 ??= new UdpUpstreamSockets(this, AddressFamily.InterNetwork, options.UpstreamSockets, options.UpstreamSocketQueries, Ticks(options.UpstreamSocketLifetime));
        }
        _probeQuery = HealthProbe.BuildQuery(options.HealthCheckName);
        _probeWaiter = new HealthProbe(this);
        _sweepTimer = time.CreateTimer(static state => ((UpstreamPool)state!).Sweep(), this, options.SweepInterval, options.SweepInterval);
    }

    private enum AttemptKind
    {
        None,
        SentUdp,
        Tls,
        Tcp,
        Deliver,
        Failed,
    }

    public int Count => _upstreams.Length;

    /// <summary>A query object to fill and <see cref="Submit"/>; null when <see cref="ForwarderOptions.MaxPendingUpstream"/> are waiting.</summary>
    public PendingQuery? TryRent()
    {
        lock (_gate)
        {
            if (_disposed || _rented >= _active.Length || _upstreams.Length == 0)
                return null;
            _rented++;
            return _spare.Count > 0 ? _spare.Pop() : new PendingQuery();
        }
    }

    /// <summary>Gives back a rented query that was not submitted.</summary>
    public void Return(PendingQuery query)
    {
        lock (_gate)
            ReturnLocked(query);
    }

    public void Submit(PendingQuery query)
    {
        Attempt next;
        lock (_gate)
        {
            if (TryFollowLocked(query))
                return;
            var now = _time.GetTimestamp();
            query.Slot = _freeSlots.Pop();
            _active[query.Slot] = query;
            query.Deadline = now + _deadlineTicks;
            next = StartNextAttemptLocked(query, now);
        }
        Dispatch(query, next, default);
    }

    // A query identical to one already waiting (every byte but the id: same question, flags and
    // EDNS options) rides along with it instead of asking the upstream again; each gets the answer
    // with its own id from IQueryResolver.Complete.
    private bool TryFollowLocked(PendingQuery query)
    {
        var content = query.Query[2..];
        var hasher = default(HashCode);
        hasher.AddBytes(content);
        var hash = hasher.ToHashCode();
        if (_leaders.TryGetValue(hash, out var leader))
        {
            if (!leader.Query[2..].SequenceEqual(content))
                return false;
            query.NextFollower = leader.NextFollower;
            leader.NextFollower = query;
            Interlocked.Increment(ref _counters._coalesced);
            return true;
        }
        if (query.OnlyUpstream < 0)
        {
            _leaders[hash] = query;
            query.ContentHash = hash;
            query.IsLeader = true;
        }
        return false;
    }

    public IReadOnlyList<UpstreamStatus> Status()
    {
        var result = new UpstreamStatus[_upstreams.Length];
        lock (_gate)
        {
            for (var i = 0; i < result.Length; i++)
            {
                var u = _upstreams[i];
                result[i] = new UpstreamStatus(u.Server.Endpoint, u.Server.Protocol, u.Healthy,
                    TimeSpan.FromSeconds(u.LastRoundTripTicks / (double)_time.TimestampFrequency), u.Answers, u.Failures, u.ConsecutiveFailures);
            }
        }
        return result;
    }

    /// <summary>The source ports the UDP sockets use now.</summary>
    public IReadOnlyList<int> UdpSourcePorts()
    {
        var ports = new List<int>();
        lock (_gate)
        {
            _udp4?.CollectPorts(ports);
            _udp6?.CollectPorts(ports);
        }
        return ports;
    }

    /// <summary>Whether a query with this id still waits on this channel.</summary>
    internal bool IsAwaited(int channelId, ushort id)
    {
        lock (_gate)
            return _inFlight.ContainsKey(Key(channelId, id));
    }

    internal int NextChannelId() => Interlocked.Increment(ref _nextChannelId) & 0x7FFF_FFFF;

    internal void CountReceiveError() => Interlocked.Increment(ref _counters._receiveErrors);

    internal void CountTlsConnect() => Interlocked.Increment(ref _counters._tlsConnects);

    /// <summary>A datagram on one of our upstream sockets: the awaited answer, or something to ignore.</summary>
    /// <param name="cut">The datagram filled the receive buffer: it may be longer than what was read.</param>
    internal void OnUdpMessage(UdpUpstreamSocket socket, ReadOnlySpan<byte> message, System.Net.SocketAddress from, bool cut)
    {
        PendingQuery? query;
        Attempt next;
        lock (_gate)
        {
            if (message.Length < 12 || !_inFlight.TryGetValue(Key(socket.ChannelId, message), out query))
            {
                CountMismatch();
                return;
            }
            var upstream = _upstreams[query.Upstream];
            if (!SocketAddresses.Is(from, upstream.Server.Endpoint, upstream.Address) || !AnswerMatcher.IsAnswerTo(query.Query, message))
            {
                CountMismatch();
                return;
            }
            ForgetInFlightLocked(query);
            next = OnMatchedLocked(query, message, allowTcp: true, cut);
        }
        Dispatch(query, next, message);
    }

    /// <summary>A message on a DNS-over-TLS connection.</summary>
    internal void OnStreamMessage(int channelId, ReadOnlySpan<byte> message)
    {
        PendingQuery? query;
        Attempt next;
        lock (_gate)
        {
            if (message.Length < 12 || !_inFlight.TryGetValue(Key(channelId, message), out query) || !AnswerMatcher.IsAnswerTo(query.Query, message))
            {
                CountMismatch();
                return;
            }
            ForgetInFlightLocked(query);
            next = OnMatchedLocked(query, message, allowTcp: false, cut: false);
        }
        Dispatch(query, next, message);
    }

    /// <summary>The answer of a TCP fallback query.</summary>
    internal void OnStreamAnswer(PendingQuery query, int generation, ReadOnlySpan<byte> message)
    {
        Attempt next;
        lock (_gate)
        {
            if (query.Generation != generation || query.Slot < 0)
                return;
            if (message.Length < 12 || BinaryPrimitives.ReadUInt16BigEndian(message) != query.StreamId || !AnswerMatcher.IsAnswerTo(query.Query, message))
            {
                CountMismatch();
                next = FailAttemptLocked(query, countsAgainstUpstream: true);
            }
            else
            {
                next = OnMatchedLocked(query, message, allowTcp: false, cut: false);
            }
        }
        Dispatch(query, next, message);
    }

    internal void OnStreamFailed(PendingQuery query, int generation)
    {
        Attempt next;
        lock (_gate)
        {
            if (query.Generation != generation || query.Slot < 0)
                return;
            Interlocked.Increment(ref _counters._upstreamErrors);
            next = FailAttemptLocked(query, countsAgainstUpstream: true);
        }
        Dispatch(query, next, default);
    }

    /// <summary>A TLS connection failed: every query waiting on it moves to the next upstream.</summary>
    internal void OnChannelBroken(TlsUpstreamChannel channel, string reason)
    {
        ForwarderLog.TlsFailed(_log, channel.Upstream.Name, reason);
        Interlocked.Increment(ref _counters._upstreamErrors);
        var outcomes = new List<(PendingQuery Query, Attempt Next)>();
        lock (_gate)
        {
            if (_disposed)
                return;
            RecordFailureLocked(channel.Upstream, _time.GetTimestamp());
            foreach (var query in _active)
            {
                if (query is null || query.InFlightKey < 0 || (int)(query.InFlightKey >> 16) != channel.ChannelId)
                    continue;
                ForgetInFlightLocked(query);
                outcomes.Add((query, StartNextAttemptLocked(query, _time.GetTimestamp())));
            }
        }
        DispatchSweepOutcomes(outcomes);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
        }
        await _sweepTimer.DisposeAsync();
        lock (_gate)
        {
            _udp4?.CloseAll();
            _udp6?.CloseAll();
            foreach (var upstream in _upstreams)
                upstream.Tls?.Dispose();
        }
    }

    private static long Key(int channelId, ReadOnlySpan<byte> message) => Key(channelId, BinaryPrimitives.ReadUInt16BigEndian(message));

    private static long Key(int channelId, ushort id) => ((long)channelId << 16) | id;

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private void CountMismatch() => Interlocked.Increment(ref _counters._mismatchedAnswers);
}
