using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using Edge.Resolve.Server;

namespace Edge.Resolve.Upstream;

internal sealed partial class UpstreamPool
{
    private readonly record struct Attempt(AttemptKind Kind, byte[]? Frame = null, int Length = 0, int Generation = 0, UpstreamState? Upstream = null);

    // Picks the next upstream for the query and sends (UDP) or prepares (TLS) the try.
    private Attempt StartNextAttemptLocked(PendingQuery query, long now)
    {
        while (true)
        {
            var index = now < query.Deadline && !_disposed ? ChooseLocked(query) : -1;
            if (index < 0)
            {
                DeactivateLocked(query);
                return new Attempt(AttemptKind.Failed);
            }
            var upstream = _upstreams[index];
            query.Tried |= 1u << index;
            query.Upstream = index;
            query.Generation++;
            query.OverTcp = false;
            query.AttemptStarted = now;
            query.AttemptDeadline = Math.Min(now + _timeoutTicks, query.Deadline);
            Interlocked.Increment(ref _counters._upstreamQueries);
            if (upstream.Tls is { } tls)
            {
                var tlsId = RegisterLocked(query, tls.ChannelId);
                var frame = FrameLocked(query, tlsId, out var frameLength);
                return new Attempt(AttemptKind.Tls, frame, frameLength, query.Generation, upstream);
            }

            var sockets = upstream.Server.Endpoint.AddressFamily == AddressFamily.InterNetworkV6 ? _udp6! : _udp4!;
            var socket = sockets.Next(now, _ids.Next());
            var id = RegisterLocked(query, socket.ChannelId);
            query.Socket = socket;
            socket.InFlight++;
            var length = query.QueryLength;
            query.Query.CopyTo(_sendScratch);
            BinaryPrimitives.WriteUInt16BigEndian(_sendScratch, id);
            try
            {
                socket.Socket.SendTo(_sendScratch.AsSpan(0, length), SocketFlags.None, upstream.SocketAddress);
                return new Attempt(AttemptKind.SentUdp);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                ForgetInFlightLocked(query);
                Interlocked.Increment(ref _counters._upstreamErrors);
                RecordFailureLocked(upstream, now);
            }
        }
    }

    // Healthy upstreams in configured order first, then those marked down (better a slim chance than none).
    private int ChooseLocked(PendingQuery query)
    {
        if (query.OnlyUpstream >= 0)
            return (query.Tried & (1u << query.OnlyUpstream)) == 0 ? query.OnlyUpstream : -1;
        for (var i = 0; i < _upstreams.Length; i++)
        {
            if ((query.Tried & (1u << i)) == 0 && _upstreams[i].Healthy)
                return i;
        }
        for (var i = 0; i < _upstreams.Length; i++)
        {
            if ((query.Tried & (1u << i)) == 0)
                return i;
        }
        return -1;
    }

    private Attempt OnMatchedLocked(PendingQuery query, ReadOnlySpan<byte> message, bool allowTcp, bool cut)
    {
        var now = _time.GetTimestamp();
        var upstream = _upstreams[query.Upstream];
        // RFC 7766 §5 / RFC 2181 §9: a truncated UDP answer (TC, or cut at our buffer) is asked
        // again over TCP, same upstream.
        if (allowTcp && (cut || (message[2] & 0x02) != 0))
        {
            query.OverTcp = true;
            query.Generation++;
            query.AttemptStarted = now;
            query.AttemptDeadline = Math.Min(now + _timeoutTicks, query.Deadline);
            query.StreamId = _ids.Next();
            var frame = FrameLocked(query, query.StreamId, out var length);
            Interlocked.Increment(ref _counters._tcpFallbacks);
            Interlocked.Increment(ref _counters._upstreamQueries);
            return new Attempt(AttemptKind.Tcp, frame, length, query.Generation, upstream);
        }

        var rcode = message[3] & 0x0F;
        if (rcode == RcodeRefused)
        {
            Interlocked.Increment(ref _counters._upstreamErrors);
            RecordFailureLocked(upstream, now);
            return StartNextAttemptLocked(query, now);
        }
        RecordAliveLocked(upstream, now - query.AttemptStarted);
        if (rcode == RcodeServFail)
        {
            // The upstream lives but could not resolve this name: another upstream may.
            Interlocked.Increment(ref _counters._upstreamErrors);
            return StartNextAttemptLocked(query, now);
        }
        upstream.Answers++;
        Interlocked.Increment(ref _counters._upstreamAnswers);
        DeactivateLocked(query);
        return new Attempt(AttemptKind.Deliver);
    }

    private Attempt FailAttemptLocked(PendingQuery query, bool countsAgainstUpstream)
    {
        var now = _time.GetTimestamp();
        ForgetInFlightLocked(query);
        if (countsAgainstUpstream && query.Upstream >= 0)
            RecordFailureLocked(_upstreams[query.Upstream], now);
        return StartNextAttemptLocked(query, now);
    }

    private ushort RegisterLocked(PendingQuery query, int channelId)
    {
        ushort id = 0;
        for (var tries = 0; tries < 64; tries++)
        {
            id = _ids.Next();
            if (_inFlight.TryAdd(Key(channelId, id), query))
            {
                query.InFlightKey = Key(channelId, id);
                return id;
            }
        }
        // 64 collisions in a row cannot happen with at most MaxPendingUpstream of 65,536 ids taken;
        // should it, the displaced query times out and fails over.
        _inFlight[Key(channelId, id)] = query;
        query.InFlightKey = Key(channelId, id);
        return id;
    }

    private static byte[] FrameLocked(PendingQuery query, ushort id, out int length)
    {
        length = query.QueryLength + 2;
        var frame = ArrayPool<byte>.Shared.Rent(length);
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)query.QueryLength);
        query.Query.CopyTo(frame.AsSpan(2));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), id);
        return frame;
    }

    private void ForgetInFlightLocked(PendingQuery query)
    {
        if (query.InFlightKey >= 0)
        {
            if (_inFlight.TryGetValue(query.InFlightKey, out var owner) && owner == query)
                _inFlight.Remove(query.InFlightKey);
            query.InFlightKey = -1;
        }
        if (query.Socket is { } socket)
        {
            socket.InFlight--;
            query.Socket = null;
        }
    }

    private void DeactivateLocked(PendingQuery query)
    {
        ForgetInFlightLocked(query);
        if (query.IsLeader)
        {
            if (_leaders.TryGetValue(query.ContentHash, out var leader) && leader == query)
                _leaders.Remove(query.ContentHash);
            query.IsLeader = false;
        }
        if (query.Slot >= 0)
        {
            _active[query.Slot] = null;
            _freeSlots.Push(query.Slot);
            query.Slot = -1;
        }
        query.Generation++;
    }

    private void ReturnLocked(PendingQuery query)
    {
        query.Reset();
        _rented--;
        _spare.Push(query);
    }

    private void Dispatch(PendingQuery query, Attempt next, ReadOnlySpan<byte> answer)
    {
        switch (next.Kind)
        {
            case AttemptKind.Deliver:
            case AttemptKind.Failed:
                // Followers are linked only while the query is a leader; once deactivated none is added.
                for (var waiting = query; waiting is not null;)
                {
                    var follower = waiting.NextFollower;
                    Finish(waiting, next.Kind == AttemptKind.Deliver, answer);
                    waiting = follower;
                }
                break;
            case AttemptKind.Tls:
                _ = next.Upstream!.Tls!.SendAsync(next.Frame!, next.Length);
                break;
            case AttemptKind.Tcp:
                _ = TcpUpstreamQuery.RunAsync(this, query, next.Generation, next.Upstream!.Server.Endpoint, next.Frame!, next.Length, _options.UpstreamTimeout, _time);
                break;
        }
    }

    private void Finish(PendingQuery query, bool answered, ReadOnlySpan<byte> answer)
    {
        try
        {
            if (answered)
                query.Waiter?.OnAnswer(query, answer);
            else
                query.Waiter?.OnFailed(query);
        }
        catch (Exception e)
        {
            ForwarderLog.Unexpected(_log, "an upstream answer's delivery", e);
        }
        Return(query);
    }

    private void Sweep()
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
            return;
        try
        {
            lock (_gate)
            {
                if (_disposed)
                    return;
                var now = _time.GetTimestamp();
                _sweepOutcomes.Clear();
                foreach (var query in _active)
                {
                    if (query is null || now < query.AttemptDeadline)
                        continue;
                    Interlocked.Increment(ref _counters._upstreamTimeouts);
                    _sweepOutcomes.Add((query, FailAttemptLocked(query, countsAgainstUpstream: true)));
                }
                StartProbesLocked(now);
                _udp4?.CloseRetired(now, _deadlineTicks);
                _udp6?.CloseRetired(now, _deadlineTicks);
            }
            for (var i = 0; i < _sweepOutcomes.Count; i++)
                Dispatch(_sweepOutcomes[i].Query, _sweepOutcomes[i].Next, default);
        }
        catch (Exception e)
        {
            ForwarderLog.Unexpected(_log, "the upstream sweep", e);
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private void DispatchSweepOutcomes(List<(PendingQuery Query, Attempt Next)> outcomes)
    {
        foreach (var (query, next) in outcomes)
            Dispatch(query, next, default);
    }
}
