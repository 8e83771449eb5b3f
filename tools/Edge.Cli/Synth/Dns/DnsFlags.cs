namespace Edge.Cli.Synth.Dns;

/// <summary>Header flag bits and response codes (RFC 1035 §4.1.1).</summary>
internal static class DnsFlags
{
    public const ushort Response = 0x8000;
    public const ushort Authoritative = 0x0400;
    public const ushort Truncated = 0x0200;
    public const ushort RecursionDesired = 0x0100;
    public const ushort RecursionAvailable = 0x0080;

    public const ushort Query = RecursionDesired;
    public const ushort RecursiveAnswer = Response | RecursionDesired | RecursionAvailable;

    public const int NoError = 0;
    public const int ServFail = 2;
    public const int NxDomain = 3;
}
