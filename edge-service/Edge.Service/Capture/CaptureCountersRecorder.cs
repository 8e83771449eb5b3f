namespace Edge.Service.Capture;

/// <summary>A source's counters, written by its reading thread and read from any other (a heartbeat,
/// the status page). 64-bit reads and writes are atomic, so each value is whole; the four are not one
/// snapshot, which a heartbeat does not need.</summary>
internal sealed class CaptureCountersRecorder
{
    private long _received;
    private long _bytes;
    private long _kernelDrops;
    private long _interfaceDrops;

    public CaptureCounters Snapshot => new(
        Volatile.Read(ref _received),
        Volatile.Read(ref _bytes),
        Volatile.Read(ref _kernelDrops),
        Volatile.Read(ref _interfaceDrops));

    /// <summary>Only the reading thread calls this, so a plain read-modify-write cannot lose counts.</summary>
    public void Frame(int wireLength)
    {
        Volatile.Write(ref _received, _received + 1);
        Volatile.Write(ref _bytes, _bytes + wireLength);
    }

    public void Drops(long kernel, long @interface)
    {
        Volatile.Write(ref _kernelDrops, kernel);
        Volatile.Write(ref _interfaceDrops, @interface);
    }
}
