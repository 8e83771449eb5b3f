namespace Edge.Watch.Link;

public static class LinkTypes
{
    /// <summary>libpcap reports DLT_ values; most equal their LINKTYPE_, raw IP does not (DLT_RAW is 12, or 14 on OpenBSD).</summary>
    public static LinkType FromDataLink(int dlt) => dlt switch
    {
        12 or 14 => LinkType.Raw,
        _ => (LinkType)dlt,
    };

    public static bool IsSupported(LinkType type) => type is LinkType.Null or LinkType.Ethernet or LinkType.Raw
        or LinkType.Loop or LinkType.LinuxSll or LinkType.LinuxSll2 or LinkType.IPv4 or LinkType.IPv6;
}
