using Edge.Flashing.Framing;

namespace Edge.Flashing.Transport;

public enum LinkReadKind
{
    Frame,
    Malformed,
    EndOfStream,
}

/// <summary>One result of <see cref="FrameLink.ReadAsync"/>; <see cref="Payload"/> is valid until the next read.</summary>
public readonly record struct LinkRead(LinkReadKind Kind, FrameType Type, uint Sequence, ReadOnlyMemory<byte> Payload, FrameError Error);
