namespace Edge.Service.Evidence;

/// <summary>What the evidence writer did. Written by its thread, readable from any.</summary>
public sealed class EvidenceStoreCounters
{
    private long _files;
    private long _bytes;
    private long _packets;
    private long _evicted;
    private long _evictedBytes;
    private long _errors;

    /// <summary>Files found in the store at start (kept, and counted against the caps).</summary>
    public long FoundFiles { get; internal set; }
    public long FoundBytes { get; internal set; }

    /// <summary>Half-written files of an earlier run removed at start.</summary>
    public long LeftoversRemoved { get; internal set; }

    public long FilesWritten => Volatile.Read(ref _files);
    public long BytesWritten => Volatile.Read(ref _bytes);
    public long PacketsWritten => Volatile.Read(ref _packets);

    /// <summary>Oldest files deleted to keep the store within its caps.</summary>
    public long FilesEvicted => Volatile.Read(ref _evicted);
    public long BytesEvicted => Volatile.Read(ref _evictedBytes);

    /// <summary>Disk failures (directory, write, rename, delete); each capture that failed is lost, the sensor goes on.</summary>
    public long Errors => Volatile.Read(ref _errors);

    /// <summary>The last disk failure's message, or null.</summary>
    public string? LastError { get; private set; }

    internal void Written(long bytes, int packets)
    {
        Interlocked.Increment(ref _files);
        Interlocked.Add(ref _bytes, bytes);
        Interlocked.Add(ref _packets, packets);
    }

    internal void Evicted(long bytes)
    {
        Interlocked.Increment(ref _evicted);
        Interlocked.Add(ref _evictedBytes, bytes);
    }

    internal void Failed(string message)
    {
        LastError = message;
        Interlocked.Increment(ref _errors);
    }
}
