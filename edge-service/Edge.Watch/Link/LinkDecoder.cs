using System.Buffers.Binary;

namespace Edge.Watch.Link;

public static class LinkDecoder
{
    /// <summary>802.1Q and 802.1ad stacks deeper than this are refused (QinQ needs two).</summary>
    public const int MaxVlanTags = 4;

    private const int EthernetHeaderLength = 14;
    private const int SllHeaderLength = 16;
    private const int Sll2HeaderLength = 20;
    private const int NullHeaderLength = 4;

    // BSD loopback families for IPv6 differ per OS (24 NetBSD/OpenBSD, 28 FreeBSD, 30 Darwin).
    private const uint BsdInet = 2;

    public static LinkError TryDecode(LinkType linkType, ReadOnlySpan<byte> frame, out LinkHeader header)
    {
        header = default;
        switch (linkType)
        {
            case LinkType.Ethernet:
                return DecodeEthernet(frame, out header);
            case LinkType.Raw:
            case LinkType.IPv4:
            case LinkType.IPv6:
                return DecodeRawIp(frame, out header);
            case LinkType.LinuxSll:
                if (frame.Length < SllHeaderLength)
                    return LinkError.Truncated;
                // SLL: packet type, ARPHRD type, address length, 8-byte address, protocol.
                return AfterEtherType(frame, BinaryPrimitives.ReadUInt16BigEndian(frame[14..]), SllHeaderLength, out header);
            case LinkType.LinuxSll2:
                if (frame.Length < Sll2HeaderLength)
                    return LinkError.Truncated;
                // SLL2 puts the protocol type first.
                return AfterEtherType(frame, BinaryPrimitives.ReadUInt16BigEndian(frame), Sll2HeaderLength, out header);
            case LinkType.Null:
            case LinkType.Loop:
                return DecodeLoopback(linkType, frame, out header);
            default:
                return LinkError.UnsupportedLinkType;
        }
    }

    private static LinkError DecodeEthernet(ReadOnlySpan<byte> frame, out LinkHeader header)
    {
        header = default;
        if (frame.Length < EthernetHeaderLength)
            return LinkError.Truncated;
        return AfterEtherType(frame, BinaryPrimitives.ReadUInt16BigEndian(frame[12..]), EthernetHeaderLength, out header);
    }

    /// <summary>Walks VLAN tags (IEEE 802.1Q: 2-byte TCI then the inner EtherType) after the header.</summary>
    private static LinkError AfterEtherType(ReadOnlySpan<byte> frame, ushort etherType, int offset, out LinkHeader header)
    {
        header = default;
        ushort outerVlan = 0;
        byte depth = 0;
        while (EtherTypes.IsVlanTag(etherType))
        {
            if (depth == MaxVlanTags)
                return LinkError.TooManyVlanTags;
            if (frame.Length < offset + 4)
                return LinkError.Truncated;
            if (depth == 0)
                outerVlan = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]) & 0x0fff);
            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 2)..]);
            offset += 4;
            depth++;
        }
        header = new LinkHeader(etherType, offset, outerVlan, depth);
        return LinkError.None;
    }

    private static LinkError DecodeRawIp(ReadOnlySpan<byte> frame, out LinkHeader header)
    {
        header = default;
        if (frame.IsEmpty)
            return LinkError.Truncated;
        var version = frame[0] >> 4;
        header = new LinkHeader(version == 6 ? EtherTypes.IPv6 : version == 4 ? EtherTypes.IPv4 : (ushort)0, 0, 0, 0);
        return LinkError.None;
    }

    private static LinkError DecodeLoopback(LinkType linkType, ReadOnlySpan<byte> frame, out LinkHeader header)
    {
        header = default;
        if (frame.Length < NullHeaderLength)
            return LinkError.Truncated;
        // LINKTYPE_NULL stores the family in the writer's byte order, LINKTYPE_LOOP in network order.
        var family = linkType == LinkType.Loop
            ? BinaryPrimitives.ReadUInt32BigEndian(frame)
            : BinaryPrimitives.ReadUInt32LittleEndian(frame);
        if (family > 0xffff)
            family = BinaryPrimitives.ReverseEndianness(family);
        var etherType = family == BsdInet ? EtherTypes.IPv4 : family is 24 or 28 or 30 ? EtherTypes.IPv6 : (ushort)0;
        header = new LinkHeader(etherType, NullHeaderLength, 0, 0);
        return LinkError.None;
    }
}
