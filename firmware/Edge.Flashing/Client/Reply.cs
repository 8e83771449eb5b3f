using Edge.Flashing.Framing;
using Edge.Flashing.Messages;
using Edge.Flashing.Transport;

namespace Edge.Flashing.Client;

/// <summary>A frame from the sensor, decoded so it outlives the link's receive buffer.</summary>
internal readonly record struct Reply(FrameType Type, uint Sequence, long Offset, NakReason Nak, HelloMessage? Hello, StatusMessage? Status)
{
    public static bool TryCreate(in LinkRead read, out Reply reply)
    {
        reply = default;
        var payload = read.Payload.Span;
        switch (read.Type)
        {
            case FrameType.HelloAck:
                if (!HelloMessage.TryRead(payload, out var hello))
                    return false;
                reply = new Reply(read.Type, read.Sequence, 0, default, hello, null);
                return true;
            case FrameType.BeginAck or FrameType.Ack or FrameType.Nak:
                if (!OffsetMessage.TryRead(payload, out long offset, out var rest))
                    return false;
                var nak = read.Type == FrameType.Nak && !rest.IsEmpty ? (NakReason)rest[0] : default;
                reply = new Reply(read.Type, read.Sequence, offset, nak, null, null);
                return true;
            case FrameType.Result or FrameType.Error or FrameType.Abort:
                if (!StatusMessage.TryRead(payload, out var status))
                    return false;
                reply = new Reply(read.Type, read.Sequence, 0, default, null, status);
                return true;
            default:
                return false;
        }
    }
}
