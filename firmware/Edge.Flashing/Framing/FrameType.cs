namespace Edge.Flashing.Framing;

/// <summary>The first byte of a frame. Values are wire format: never renumber.</summary>
public enum FrameType : byte
{
    Hello = 1,
    HelloAck = 2,
    Begin = 3,
    BeginAck = 4,
    Data = 5,
    Ack = 6,
    Nak = 7,
    End = 8,
    Result = 9,
    Error = 10,
    Abort = 11,
}
