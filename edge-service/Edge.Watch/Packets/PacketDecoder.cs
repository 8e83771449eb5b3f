using Edge.Watch.Decoding;
using Edge.Watch.Link;
using Edge.Watch.Net;
using Edge.Watch.Transport;

namespace Edge.Watch.Packets;

/// <summary>Decodes a captured frame from its link header to its transport header. Never throws,
/// never allocates: a bad frame is counted in <see cref="DecodeErrorCounters"/> by layer and reason.</summary>
public static class PacketDecoder
{
    public static DecodeOutcome Decode(LinkType linkType, ReadOnlySpan<byte> frame, ref DecodedPacket packet, DecodeErrorCounters errors)
    {
        var linkError = LinkDecoder.TryDecode(linkType, frame, out packet.Link);
        if (linkError != LinkError.None)
            return Fail(errors, DecodeLayer.Link, (byte)linkError);

        var network = frame[packet.Link.NetworkOffset..];
        packet.Network = network;
        ReadOnlySpan<byte> ipPayload;
        switch (packet.Link.EtherType)
        {
            case EtherTypes.IPv4:
                var v4 = Ipv4Decoder.TryDecode(network, out packet.Ip, out ipPayload);
                if (v4 != IpError.None)
                    return Fail(errors, DecodeLayer.Ipv4, (byte)v4);
                break;
            case EtherTypes.IPv6:
                var v6 = Ipv6Decoder.TryDecode(network, out packet.Ip, out ipPayload);
                if (v6 != IpError.None)
                    return Fail(errors, DecodeLayer.Ipv6, (byte)v6);
                break;
            default:
                return DecodeOutcome.NotIp;
        }

        packet.IpPayload = ipPayload;
        packet.Payload = ipPayload;
        packet.HasTransport = false;
        // A fragment is decoded further only once its datagram is reassembled: a first fragment may
        // hold only part of the transport header (RFC 1858's tiny fragments).
        if (packet.Ip.IsFragment)
            return DecodeOutcome.Ip;
        return DecodeTransport(ipPayload, ref packet, errors);
    }

    /// <summary>Decodes the transport header of an IP payload (also of a reassembled datagram).</summary>
    public static DecodeOutcome DecodeTransport(ReadOnlySpan<byte> ipPayload, ref DecodedPacket packet, DecodeErrorCounters errors)
    {
        TransportError error;
        switch (packet.Ip.Protocol)
        {
            case IpProtocols.Tcp:
                error = TcpDecoder.TryDecode(ipPayload, out packet.Tcp, out packet.Payload);
                if (error != TransportError.None)
                    return Fail(errors, DecodeLayer.Tcp, (byte)error);
                packet.SourcePort = packet.Tcp.SourcePort;
                packet.DestinationPort = packet.Tcp.DestinationPort;
                break;
            case IpProtocols.Udp:
                error = UdpDecoder.TryDecode(ipPayload, out packet.SourcePort, out packet.DestinationPort, out packet.Payload);
                if (error != TransportError.None)
                    return Fail(errors, DecodeLayer.Udp, (byte)error);
                break;
            case IpProtocols.Icmp:
            case IpProtocols.IcmpV6:
                error = IcmpDecoder.TryDecode(ipPayload, out packet.IcmpType, out packet.IcmpCode, out var identifier, out packet.Payload);
                if (error != TransportError.None)
                    return Fail(errors, DecodeLayer.Icmp, (byte)error);
                packet.SourcePort = identifier;
                packet.DestinationPort = identifier;
                break;
            default:
                return DecodeOutcome.Ip;
        }
        packet.HasTransport = true;
        return DecodeOutcome.Ip;
    }

    private static DecodeOutcome Fail(DecodeErrorCounters errors, DecodeLayer layer, byte reason)
    {
        errors.Add(layer, reason);
        return DecodeOutcome.Error;
    }
}
