using System.Buffers.Binary;

namespace Edge.Watch.Net;

public static class Ipv6Decoder
{
    /// <summary>Longest extension chain walked; real traffic rarely has more than two.</summary>
    public const int MaxExtensionHeaders = 8;

    private const int FixedHeaderLength = 40;

    /// <summary>RFC 8200 §3 and §4: walks the extension header chain to the upper-layer protocol.</summary>
    public static IpError TryDecode(ReadOnlySpan<byte> packet, out IpHeader header, out ReadOnlySpan<byte> payload)
    {
        header = default;
        payload = default;
        if (packet.Length < FixedHeaderLength)
            return IpError.Truncated;
        if (packet[0] >> 4 != 6)
            return IpError.BadVersion;
        var payloadLength = BinaryPrimitives.ReadUInt16BigEndian(packet[4..]);
        // A zero length with a hop-by-hop jumbo option (RFC 2675) means "the rest of the frame".
        var declaredEnd = payloadLength == 0 ? packet.Length : FixedHeaderLength + payloadLength;
        var end = Math.Min(declaredEnd, packet.Length);
        header = new IpHeader
        {
            Version = 6,
            Source = IpAddr.FromIPv6(packet[8..24]),
            Destination = IpAddr.FromIPv6(packet[24..40]),
            Ttl = packet[7],
            CaptureTruncated = packet.Length < declaredEnd,
        };
        var next = packet[6];
        var error = WalkExtensions(packet[..end], FixedHeaderLength, ref next, ref header, out var offset);
        if (error != IpError.None)
            return error;
        header.Protocol = next;
        header.HeaderLength = offset;
        header.PayloadLength = end - offset;
        payload = packet[offset..end];
        return IpError.None;
    }

    /// <summary>Walks extension headers from <paramref name="offset"/> until an upper-layer protocol.
    /// The walk stops after a Fragment header: what follows it belongs to the fragmentable part
    /// (RFC 8200 §4.5) and is walked again on the reassembled datagram.</summary>
    public static IpError WalkExtensions(ReadOnlySpan<byte> data, int offset, ref byte next, ref IpHeader header, out int end)
    {
        end = offset;
        for (var count = 0; IsExtension(next); count++)
        {
            if (count == MaxExtensionHeaders)
                return IpError.TooManyExtensionHeaders;
            if (data.Length < offset + 8)
                return IpError.TruncatedExtensionHeader;
            var length = ExtensionLength(next, data[offset + 1]);
            if (data.Length < offset + length)
                return IpError.TruncatedExtensionHeader;
            var type = next;
            next = data[offset];
            offset += length;
            if (type == IpProtocols.Fragment)
            {
                var fragment = BinaryPrimitives.ReadUInt16BigEndian(data[(offset - 6)..]);
                header.MoreFragments = (fragment & 1) != 0;
                header.FragmentOffset = fragment & 0xfff8;
                header.IsFragment = true;
                header.FragmentId = BinaryPrimitives.ReadUInt32BigEndian(data[(offset - 4)..]);
                break;
            }
            header.HasOptions = true;
        }
        end = offset;
        return IpError.None;
    }

    private static bool IsExtension(byte next) => next is IpProtocols.HopByHop or IpProtocols.Routing
        or IpProtocols.Fragment or IpProtocols.DestinationOptions or IpProtocols.AuthenticationHeader
        or IpProtocols.Mobility or IpProtocols.Hip or IpProtocols.Shim6;

    // RFC 8200 §4.5: the fragment header is always 8 bytes; RFC 4302 §2.2: AH length counts 4-byte units minus 2.
    private static int ExtensionLength(byte type, byte lengthField) => type switch
    {
        IpProtocols.Fragment => 8,
        IpProtocols.AuthenticationHeader => (lengthField + 2) * 4,
        _ => (lengthField + 1) * 8,
    };
}
