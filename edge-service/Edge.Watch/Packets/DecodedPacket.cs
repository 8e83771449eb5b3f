using Edge.Watch.Link;
using Edge.Watch.Net;
using Edge.Watch.Transport;

namespace Edge.Watch.Packets;

/// <summary>A view of one decoded frame. Everything is a value or a slice of the frame.</summary>
public ref struct DecodedPacket
{
    public long TimestampMicros;
    public int WireLength;
    /// <summary>The link type the frame was captured with (what a pcap of it is written with).</summary>
    public LinkType LinkType;
    /// <summary>The whole captured frame as it came from the capture, link header included (may be
    /// shorter than <see cref="WireLength"/>: snap length). For a reassembled IP datagram, the frame of the
    /// fragment that completed it.</summary>
    public ReadOnlySpan<byte> Frame;
    public LinkHeader Link;
    public IpHeader Ip;
    public TcpHeader Tcp;
    public ushort SourcePort;
    public ushort DestinationPort;
    public byte IcmpType;
    public byte IcmpCode;
    /// <summary>The IP packet, from its first header byte.</summary>
    public ReadOnlySpan<byte> Network;
    /// <summary>Everything after the IP header (and IPv6 extension headers).</summary>
    public ReadOnlySpan<byte> IpPayload;
    /// <summary>The transport payload (for other protocols, the IP payload). Empty for non-first fragments.</summary>
    public ReadOnlySpan<byte> Payload;

    public readonly byte Protocol => Ip.Protocol;

    public readonly bool IsTcp => Ip.Protocol == IpProtocols.Tcp;

    public readonly bool IsUdp => Ip.Protocol == IpProtocols.Udp;

    /// <summary>True when the transport header was decoded (not a later fragment).</summary>
    public bool HasTransport;
}
