using System.Buffers.Binary;

namespace Edge.Watch.Transport;

public static class UdpDecoder
{
    private const int HeaderLength = 8;

    /// <summary>RFC 768. The payload is cut at the UDP length field.</summary>
    public static TransportError TryDecode(ReadOnlySpan<byte> datagram, out ushort sourcePort, out ushort destinationPort, out ReadOnlySpan<byte> payload)
    {
        sourcePort = 0;
        destinationPort = 0;
        payload = default;
        if (datagram.Length < HeaderLength)
            return TransportError.Truncated;
        sourcePort = BinaryPrimitives.ReadUInt16BigEndian(datagram);
        destinationPort = BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]);
        var length = BinaryPrimitives.ReadUInt16BigEndian(datagram[4..]);
        if (length < HeaderLength && length != 0)
            return TransportError.BadLength;
        // Length 0 only occurs for IPv6 jumbograms (RFC 2675 §4); take what was captured.
        var end = length == 0 ? datagram.Length : Math.Min((int)length, datagram.Length);
        payload = datagram[HeaderLength..end];
        return TransportError.None;
    }
}
