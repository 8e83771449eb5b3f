using Edge.Watch.Decoding;
using Edge.Watch.Link;
using Edge.Watch.Net;
using Edge.Watch.Packets;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>Decodes an unmutated frame with the real decoders and lists the offsets of the fields
/// a length-extremes mutation should hit, from the link header to the application message.</summary>
public static class FieldLocator
{
    public static FrameField[] Locate(LinkType linkType, byte[] frame)
    {
        var fields = new FieldList(frame.Length);
        var packet = new DecodedPacket { WireLength = frame.Length };
        var outcome = PacketDecoder.Decode(linkType, frame, ref packet, new DecodeErrorCounters());
        if (linkType == LinkType.Ethernet)
            AddLink(fields, packet.Link);
        if (outcome != DecodeOutcome.Ip)
            return fields.ToArray();
        var network = packet.Link.NetworkOffset;
        var transport = SpanOffset.Of(frame, packet.IpPayload);
        if (packet.Ip.Version == 4)
            AddIpv4(fields, network);
        else
            AddIpv6(fields, frame, network, transport);
        if (!packet.HasTransport || transport < 0)
            return fields.ToArray();
        if (packet.IsTcp)
        {
            fields.Add("tcp.data_offset", transport + 12, 1, 0xF0);
            fields.Byte("tcp.flags", transport + 13);
        }
        else if (packet.IsUdp)
        {
            fields.U16("udp.length", transport + 4);
        }
        var payload = SpanOffset.Of(frame, packet.Payload);
        if (payload >= 0)
            ApplicationFieldLocator.Add(fields, frame, payload, packet.Payload.Length, packet.IsTcp, packet.IsUdp, packet.SourcePort, packet.DestinationPort);
        return fields.ToArray();
    }

    private static void AddLink(FieldList fields, LinkHeader link)
    {
        // EtherType, then for each VLAN tag its TCI and the next EtherType (IEEE 802.1Q).
        for (var offset = 12; offset + 2 <= link.NetworkOffset; offset += 4)
        {
            fields.U16("eth.type", offset);
            if (offset + 4 < link.NetworkOffset)
                fields.Add("vlan.id", offset + 2, 2, 0x0FFF);
        }
    }

    private static void AddIpv4(FieldList fields, int ip)
    {
        fields.Add("ipv4.ihl", ip, 1, 0x0F);
        fields.Add("ipv4.version", ip, 1, 0xF0);
        fields.U16("ipv4.total_length", ip + 2);
        fields.Add("ipv4.fragment_offset", ip + 6, 2, 0x1FFF);
        fields.Add("ipv4.mf_and_offset", ip + 6, 2, 0x3FFF);
        fields.Byte("ipv4.protocol", ip + 9);
    }

    private static void AddIpv6(FieldList fields, byte[] frame, int ip, int upperLayer)
    {
        fields.U16("ipv6.payload_length", ip + 4);
        fields.Byte("ipv6.next_header", ip + 6);
        // The extension chain the decoder walked lies between the fixed header and the upper layer.
        var offset = ip + 40;
        var next = frame[ip + 6];
        for (var count = 0; upperLayer >= 0 && offset + 2 <= upperLayer && count < Ipv6Decoder.MaxExtensionHeaders; count++)
        {
            fields.Byte("ipv6.ext.next_header", offset);
            fields.Byte("ipv6.ext.length", offset + 1);
            if (next == IpProtocols.Fragment)
            {
                fields.Add("ipv6.fragment_offset", offset + 2, 2, 0xFFF8);
                fields.Add("ipv6.fragment_m", offset + 2, 2, 0x0001);
            }
            var length = next switch
            {
                IpProtocols.Fragment => 8,
                IpProtocols.AuthenticationHeader => (frame[offset + 1] + 2) * 4,
                _ => (frame[offset + 1] + 1) * 8,
            };
            next = frame[offset];
            offset += length;
        }
    }
}
