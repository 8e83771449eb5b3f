using System.Net;
using Edge.Cli.Synth.Packets;

namespace Edge.Cli.Synth.Scenario;

/// <summary>
/// The synthetic LAN: clients in 10.77.0.0/24 and 2001:db8:77::/64 behind gateway 10.77.0.1, servers
/// only in documentation ranges (RFC 5737, RFC 3849). Off-LAN servers' frames carry the gateway MAC.
/// </summary>
internal static class LabNetwork
{
    public static readonly byte[] GatewayMac = [0x02, 0x77, 0x00, 0x00, 0x00, 0x01];

    public static readonly NetHost Resolver = Server("192.0.2.53");
    public static readonly NetHost Resolver6 = Server("2001:db8:53::53");

    public const ushort Vlan = 77;

    public static NetHost Client(int lastOctet) =>
        new(IPAddress.Parse($"10.77.0.{lastOctet}"), ClientMac(lastOctet), 64);

    public static NetHost Client6(int interfaceId) =>
        new(IPAddress.Parse($"2001:db8:77::{interfaceId:x}"), ClientMac(interfaceId), 64);

    public static NetHost Server(string address)
    {
        var ip = IPAddress.Parse(address);
        return new NetHost(ip, GatewayMac, ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? (byte)57 : (byte)56);
    }

    private static byte[] ClientMac(int id) => [0x02, 0x77, 0x00, 0x00, (byte)(id >> 8), (byte)id];
}
