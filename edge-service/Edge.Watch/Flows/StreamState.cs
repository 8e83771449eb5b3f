namespace Edge.Watch.Flows;

/// <summary>Reassembly state of one direction of a TCP flow.</summary>
public struct StreamState
{
    /// <summary>Sequence number expected next; valid when <see cref="HasSequence"/>.</summary>
    public uint NextSequence;
    /// <summary>Bytes still to skip: a DNS message too big to buffer, or an HTTP body.</summary>
    public long SkipRemaining;
    /// <summary>Index of the reassembly buffer held, or -1.</summary>
    public short Buffer;
    /// <summary>The pool's generation of <see cref="Buffer"/> when it was rented: a buffer reclaimed
    /// for another flow no longer matches.</summary>
    public uint BufferGeneration;
    public StreamMode Mode;
    public bool HasSequence;
    /// <summary>Segments seen past a hole since the last in-order one.</summary>
    public byte AheadCount;
    /// <summary>One segment that arrived ahead of a hole, held until the hole fills (-1: none).</summary>
    public short Held;
    public uint HeldGeneration;
    /// <summary>Sequence number of the first byte of <see cref="Held"/>.</summary>
    public uint HeldSequence;
    /// <summary>HTTP: the last body's length was unknown (chunked), so a new request is only
    /// recognised at the start of a segment.</summary>
    public bool HttpFramingLost;
}
