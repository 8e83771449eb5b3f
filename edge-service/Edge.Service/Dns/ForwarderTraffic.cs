using Edge.Resolve;
using Edge.Watch.Decoding;
using Edge.Watch.Dns;
using Edge.Watch.Net;
using Edge.Watch.Pipeline;

namespace Edge.Service.Dns;

/// <summary>The forwarder's exchanges on their way to the capture thread, which owns the watch
/// observers (event log, evidence, detectors): the forwarder's threads copy each query and answer
/// into a bounded ring and go on; the capture thread drains it between frames and hands every message
/// to the observers as it hands captured ones. A full ring drops the exchange and counts it: the
/// answer to the client never waits for the detectors.</summary>
public sealed class ForwarderTraffic : IDisposable
{
    /// <summary>Answers larger than this reach the observers without their records (the query still does).</summary>
    public const int MaxCopiedAnswer = 8192;

    private const int MaxMessage = 65_535;

    private readonly object _gate = new();
    private readonly Entry[] _entries;
    private readonly byte[] _bytes;
    private readonly byte[] _drained = new byte[MaxMessage + MaxCopiedAnswer];
    private readonly AutoResetEvent _arrived = new(false);
    private int _head;
    private int _count;
    private int _byteHead;
    private int _byteUsed;
    private long _dropped;
    private long _delivered;

    public ForwarderTraffic(int entries = 4096, int bytes = 1 << 20)
    {
        _entries = new Entry[entries];
        _bytes = new byte[bytes];
    }

    /// <summary>Exchanges the ring had no room for.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Exchanges handed to the observers.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Set when exchanges wait, so a capture-less loop wakes for them.</summary>
    public WaitHandle Arrived => _arrived;

    /// <summary>The exchange being handed to the observers right now, on the capture thread; a finding
    /// raised meanwhile for its client and name was blocked by the forwarder.</summary>
    public BlockedLookup Current { get; private set; }

    public void Record(long timestampMicros, IpAddr client, ushort clientPort, IpAddr server, ushort serverPort,
        DnsTransport transport, ReadOnlySpan<byte> query, ReadOnlySpan<byte> response, QueryVerdict verdict)
    {
        if (query.Length > MaxMessage)
            return;
        if (response.Length > MaxCopiedAnswer)
            response = default;
        var length = query.Length + response.Length;
        var signal = false;
        lock (_gate)
        {
            if (_count == _entries.Length || _byteUsed + length > _bytes.Length)
            {
                _dropped++;
                return;
            }
            // Payloads never wrap: a record that does not fit before the end starts at 0 and the tail is skipped.
            var offset = _byteHead;
            var skipped = 0;
            if (offset + length > _bytes.Length)
            {
                skipped = _bytes.Length - offset;
                if (_byteUsed + skipped + length > _bytes.Length)
                {
                    _dropped++;
                    return;
                }
                offset = 0;
            }
            query.CopyTo(_bytes.AsSpan(offset));
            response.CopyTo(_bytes.AsSpan(offset + query.Length));
            _byteHead = offset + length;
            _byteUsed += skipped + length;
            _entries[(_head + _count) % _entries.Length] = new Entry(timestampMicros, client, clientPort, server, serverPort, transport,
                verdict, offset, query.Length, response.Length, skipped);
            signal = _count++ == 0;
        }
        if (signal)
            _arrived.Set();
    }

    /// <summary>Hands up to <paramref name="max"/> waiting exchanges to <paramref name="observer"/>
    /// (the query, then the answer); on the capture thread only. Returns how many.</summary>
    public int Drain(IWatchObserver observer, int max)
    {
        var done = 0;
        while (done < max && TryTake(out var entry))
        {
            Deliver(observer, entry);
            done++;
        }
        if (done > 0)
            Interlocked.Add(ref _delivered, done);
        if (done == max && Volatile.Read(ref _count) > 0)
            _arrived.Set();
        return done;
    }

    private bool TryTake(out Entry entry)
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                entry = default;
                return false;
            }
            entry = _entries[_head];
            _entries[_head] = default;
            _head = (_head + 1) % _entries.Length;
            _count--;
            var length = entry.QueryLength + entry.ResponseLength;
            _bytes.AsSpan(entry.Offset, length).CopyTo(_drained);
            _byteUsed -= entry.Skipped + length;
            if (_count == 0)
            {
                _byteHead = 0;
                _byteUsed = 0;
            }
            return true;
        }
    }

    private void Deliver(IWatchObserver observer, in Entry entry)
    {
        var protocol = entry.Transport == DnsTransport.Tcp ? (byte)6 : (byte)17;
        var query = _drained.AsSpan(0, entry.QueryLength);
        var response = _drained.AsSpan(entry.QueryLength, entry.ResponseLength);
        if (DnsMessageReader.TryParse(query, out var asked, out _) != ParseStatus.Done)
            return;
        Current = entry.Verdict == QueryVerdict.Blocked ? new BlockedLookup(entry.Client) : default;
        try
        {
            observer.OnDns(new PacketContext(entry.TimestampMicros, entry.Client, entry.ClientPort, entry.Server, entry.ServerPort,
                protocol, 0, ToServer: true), asked);
            if (!response.IsEmpty && DnsMessageReader.TryParse(response, out var answered, out _) == ParseStatus.Done)
            {
                observer.OnDns(new PacketContext(entry.TimestampMicros, entry.Server, entry.ServerPort, entry.Client, entry.ClientPort,
                    protocol, 0, ToServer: false), answered);
            }
        }
        finally
        {
            Current = default;
        }
    }

    public void Dispose() => _arrived.Dispose();

    private readonly record struct Entry(long TimestampMicros, IpAddr Client, ushort ClientPort, IpAddr Server, ushort ServerPort,
        DnsTransport Transport, QueryVerdict Verdict, int Offset, int QueryLength, int ResponseLength, int Skipped);
}

/// <summary>A lookup the forwarder answered by policy: which client asked; default when none.</summary>
public readonly record struct BlockedLookup(IpAddr Client)
{
    public bool Active => Client.Family != 0;
}
