using System.Buffers.Binary;

namespace Edge.Flashing.Messages;

/// <summary>
/// Hello (laptop) and HelloAck (sensor) share one payload:
/// [protocol version u16][max payload u16][software version s8][board s8][sensor id s8], s8 = [len u8][UTF-8].
/// The laptop leaves board and sensor id empty.
/// </summary>
public sealed record HelloMessage(ushort ProtocolVersion, ushort MaxPayload, string SoftwareVersion, string Board, string SensorId)
{
    public const ushort CurrentProtocol = 1;

    public int Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, ProtocolVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], MaxPayload);
        int n = 4;
        n += ShortString.Write(SoftwareVersion, destination[n..]);
        n += ShortString.Write(Board, destination[n..]);
        n += ShortString.Write(SensorId, destination[n..]);
        return n;
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out HelloMessage? message)
    {
        message = null;
        if (payload.Length < 4)
            return false;
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(payload);
        ushort maxPayload = BinaryPrimitives.ReadUInt16LittleEndian(payload[2..]);
        var rest = payload[4..];
        if (!ShortString.TryRead(ref rest, out var software) || !ShortString.TryRead(ref rest, out var board)
            || !ShortString.TryRead(ref rest, out var sensor))
            return false;
        // Later versions may append fields: ignore trailing bytes rather than refuse the peer.
        message = new HelloMessage(version, maxPayload, software, board, sensor);
        return true;
    }
}
