using System.Net;
using System.Net.Sockets;

namespace Edge.Cli.Synth.Packets;

/// <summary>
/// One end of a flow as seen on the LAN segment: its IP address, the MAC its frames carry
/// (the gateway's for off-LAN servers) and the TTL/hop limit its packets arrive with.
/// </summary>
internal sealed record NetHost(IPAddress Address, byte[] Mac, byte Ttl)
{
    public bool IsIPv6 => Address.AddressFamily == AddressFamily.InterNetworkV6;

    public override string ToString() => Address.ToString();
}
