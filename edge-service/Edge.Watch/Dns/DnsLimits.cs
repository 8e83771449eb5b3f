namespace Edge.Watch.Dns;

/// <summary>Bounds that keep the work per message small whatever the input claims.</summary>
internal static class DnsLimits
{
    public const int HeaderLength = 12;

    /// <summary>RFC 1035 §2.3.4: a name is at most 255 octets on the wire, length octets and root included.</summary>
    public const int MaxNameOctets = 255;

    public const int MaxPointerHops = 64;

    /// <summary>Questions plus records walked in one message.</summary>
    public const int MaxRecords = 512;
}
