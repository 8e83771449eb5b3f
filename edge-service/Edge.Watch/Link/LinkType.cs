namespace Edge.Watch.Link;

/// <summary>pcap LINKTYPE_ values (tcpdump.org/linktypes.html) that the decoder understands.</summary>
public enum LinkType : ushort
{
    Null = 0,
    Ethernet = 1,
    Raw = 101,
    Loop = 108,
    LinuxSll = 113,
    IPv4 = 228,
    IPv6 = 229,
    LinuxSll2 = 276,
}
