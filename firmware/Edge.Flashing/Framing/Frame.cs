namespace Edge.Flashing.Framing;

/// <summary>A parsed frame; <see cref="Payload"/> points into the caller's scratch buffer.</summary>
public readonly ref struct Frame(FrameType type, uint sequence, ReadOnlySpan<byte> payload)
{
    public FrameType Type { get; } = type;

    /// <summary>The sender's frame counter; replies carry the sequence of the frame they answer.</summary>
    public uint Sequence { get; } = sequence;

    public ReadOnlySpan<byte> Payload { get; } = payload;
}
