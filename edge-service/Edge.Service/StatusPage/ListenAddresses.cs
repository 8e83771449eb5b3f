using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Edge.Service.Configuration;

namespace Edge.Service.StatusPage;

/// <summary>Where the page listens: every IPv4 and IPv6 address of the configured LAN interface, or
/// the one configured address.</summary>
internal static class ListenAddresses
{
    public static IReadOnlyList<IPAddress> Resolve(StatusPageSettings settings) =>
        settings.Interface.Length > 0
            ? OfInterface(settings.Interface, NetworkInterface.GetAllNetworkInterfaces())
            : [IPAddress.Parse(settings.Address)];

    public static IReadOnlyList<IPAddress> OfInterface(string name, IEnumerable<NetworkInterface> interfaces)
    {
        var nic = interfaces.FirstOrDefault(n => n.Name == name)
            ?? throw new InvalidOperationException($"status page: network interface '{name}' (Edge:StatusPage:Interface) does not exist");
        var addresses = nic.GetIPProperties().UnicastAddresses
            .Select(u => u.Address)
            .Where(a => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            .ToList();
        return addresses.Count > 0
            ? addresses
            : throw new InvalidOperationException($"status page: network interface '{name}' (Edge:StatusPage:Interface) has no IP address yet");
    }
}
