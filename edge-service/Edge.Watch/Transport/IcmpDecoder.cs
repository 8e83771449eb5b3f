using System.Buffers.Binary;

namespace Edge.Watch.Transport;

public static class IcmpDecoder
{
    /// <summary>RFC 792 / RFC 4443: type, code, checksum; echo messages carry an identifier we use as the "port".</summary>
    public static TransportError TryDecode(ReadOnlySpan<byte> message, out byte type, out byte code, out ushort identifier, out ReadOnlySpan<byte> payload)
    {
        type = 0;
        code = 0;
        identifier = 0;
        payload = default;
        if (message.Length < 4)
            return TransportError.Truncated;
        type = message[0];
        code = message[1];
        if (message.Length >= 8)
        {
            identifier = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
            payload = message[8..];
        }
        return TransportError.None;
    }
}
