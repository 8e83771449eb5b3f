namespace Edge.Cli.Synth.Packets;

internal static class IpProtocol
{
    public const byte Icmp = 1;
    public const byte Tcp = 6;
    public const byte Udp = 17;
    public const byte IcmpV6 = 58;
}
