namespace Edge.Service.Blocking;

/// <summary>What gateway blocking did, for the status page and the heartbeat. Written by the
/// blocker's thread and the attempt reader, read from anywhere.</summary>
public sealed class BlockingCounters
{
    private long _updates;
    private long _failures;
    private long _attempts;
    private long _droppedOut;
    private long _droppedIn;
    private long _lastUpdateMillis;
    private int _v4;
    private int _v6;
    private string? _lastError;

    /// <summary>Set rewrites nft took (the start included).</summary>
    public long Updates => Interlocked.Read(ref _updates);

    /// <summary>nft runs that failed (not installed, no permission, refused script).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Dropped packets seen through the NFLOG group (rate-limited by the rule: a lower bound).</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    /// <summary>Packets the forward chain dropped towards listed networks, from nft's counter.</summary>
    public long DroppedOut => Interlocked.Read(ref _droppedOut);

    /// <summary>Packets dropped coming from listed networks.</summary>
    public long DroppedIn => Interlocked.Read(ref _droppedIn);

    public long LastUpdateMillis => Interlocked.Read(ref _lastUpdateMillis);

    public int V4Networks => Volatile.Read(ref _v4);

    public int V6Networks => Volatile.Read(ref _v6);

    public string? LastError => Volatile.Read(ref _lastError);

    internal void Updated(ElementCounts counts, long millis)
    {
        Volatile.Write(ref _v4, counts.V4);
        Volatile.Write(ref _v6, counts.V6);
        Interlocked.Exchange(ref _lastUpdateMillis, millis);
        Volatile.Write(ref _lastError, null);
        Interlocked.Increment(ref _updates);
    }

    internal void Failed(string error)
    {
        Volatile.Write(ref _lastError, error);
        Interlocked.Increment(ref _failures);
    }

    internal void Attempt() => Interlocked.Increment(ref _attempts);

    internal void Dropped(long outbound, long inbound)
    {
        Interlocked.Exchange(ref _droppedOut, outbound);
        Interlocked.Exchange(ref _droppedIn, inbound);
    }
}
