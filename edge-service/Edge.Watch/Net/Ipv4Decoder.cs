using System.Buffers.Binary;

namespace Edge.Watch.Net;

public static class Ipv4Decoder
{
    private const int MinHeaderLength = 20;

    /// <summary>RFC 791 §3.1. Ethernet padding past Total Length is trimmed from the payload.</summary>
    public static IpError TryDecode(ReadOnlySpan<byte> packet, out IpHeader header, out ReadOnlySpan<byte> payload)
    {
        header = default;
        payload = default;
        if (packet.Length < MinHeaderLength)
            return IpError.Truncated;
        if (packet[0] >> 4 != 4)
            return IpError.BadVersion;
        var headerLength = (packet[0] & 0x0f) * 4;
        if (headerLength < MinHeaderLength)
            return IpError.BadHeaderLength;
        if (packet.Length < headerLength)
            return IpError.Truncated;
        var totalLength = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        if (totalLength < headerLength)
            return IpError.BadTotalLength;
        var available = Math.Min((int)totalLength, packet.Length);
        var flagsAndOffset = BinaryPrimitives.ReadUInt16BigEndian(packet[6..]);
        var moreFragments = (flagsAndOffset & 0x2000) != 0;
        var fragmentOffset = (flagsAndOffset & 0x1fff) * 8;
        header = new IpHeader
        {
            Version = 4,
            Source = IpAddr.FromIPv4(packet[12..16]),
            Destination = IpAddr.FromIPv4(packet[16..20]),
            Protocol = packet[9],
            Ttl = packet[8],
            HasOptions = headerLength > MinHeaderLength,
            IsFragment = moreFragments || fragmentOffset != 0,
            MoreFragments = moreFragments,
            FragmentId = BinaryPrimitives.ReadUInt16BigEndian(packet[4..]),
            FragmentOffset = fragmentOffset,
            HeaderLength = headerLength,
            PayloadLength = available - headerLength,
            CaptureTruncated = packet.Length < totalLength,
        };
        payload = packet[headerLength..available];
        return IpError.None;
    }
}
