namespace Edge.Resolve.Wire;

/// <summary>Header flag bits (RFC 1035 §4.1.1, RFC 4035 §3.2 for AD and CD) and the RCODEs the forwarder writes.</summary>
internal static class DnsFlags
{
    public const ushort Response = 0x8000;
    public const ushort OpcodeMask = 0x7800;
    public const ushort Truncated = 0x0200;
    public const ushort RecursionDesired = 0x0100;
    public const ushort RecursionAvailable = 0x0080;
    public const ushort CheckingDisabled = 0x0010;
    public const ushort RcodeMask = 0x000F;

    public const int HeaderLength = 12;

    public const byte NoError = 0;
    public const byte FormErr = 1;
    public const byte ServFail = 2;
    public const byte NxDomain = 3;
    public const byte NotImp = 4;
    public const byte Refused = 5;

    /// <summary>RFC 6891 §9: 16, carried as 1 in the OPT record's upper RCODE bits.</summary>
    public const int BadVers = 16;

    /// <summary>The UDP limit of a client without EDNS (RFC 1035 §4.2.1).</summary>
    public const int ClassicUdpLimit = 512;

    public const int MaxMessage = 65535;
}
