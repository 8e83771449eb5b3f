namespace Edge.Watch.Net;

/// <summary>The network-layer facts of one packet, IPv4 or IPv6.</summary>
public struct IpHeader
{
    public byte Version;
    public IpAddr Source;
    public IpAddr Destination;
    /// <summary>Upper-layer protocol after the IPv6 extension chain.</summary>
    public byte Protocol;
    public byte Ttl;
    public bool HasOptions;
    public bool IsFragment;
    public bool MoreFragments;
    /// <summary>Identification shared by the fragments of one datagram (IPv4 16-bit, IPv6 32-bit).</summary>
    public uint FragmentId;
    /// <summary>Offset of this fragment in bytes.</summary>
    public int FragmentOffset;
    public int HeaderLength;
    /// <summary>Bytes of upper-layer payload that the IP header declares (clamped to what was captured).</summary>
    public int PayloadLength;
    public bool CaptureTruncated;
}
