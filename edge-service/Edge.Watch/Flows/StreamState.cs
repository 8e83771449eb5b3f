namespace Edge.Watch.Flows;

/// <summary>Reassembly state of one direction of a TCP flow (12 bytes).</summary>
public struct StreamState
{
    /// <summary>Sequence number expected next; valid when <see cref="HasSequence"/>.</summary>
    public uint NextSequence;
    /// <summary>Bytes still to skip (a DNS message too big to buffer).</summary>
    public int SkipRemaining;
    /// <summary>Index of the reassembly buffer held, or -1.</summary>
    public short Buffer;
    public StreamMode Mode;
    public bool HasSequence;
}
