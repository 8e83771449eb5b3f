namespace Edge.Cli.Synth.Dns;

/// <summary>RR types used by the generator (RFC 1035 §3.2.2, RFC 3596, RFC 6891, RFC 9460).</summary>
internal static class DnsType
{
    public const ushort A = 1;
    public const ushort Ns = 2;
    public const ushort Cname = 5;
    public const ushort Soa = 6;
    public const ushort Ptr = 12;
    public const ushort Mx = 15;
    public const ushort Txt = 16;
    public const ushort Aaaa = 28;
    public const ushort Opt = 41;
    public const ushort Https = 65;
}
