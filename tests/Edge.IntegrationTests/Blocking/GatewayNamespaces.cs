using Edge.IntegrationTests.TestSupport;

namespace Edge.IntegrationTests.Blocking;

/// <summary>Three namespaces the test makes: a client (10.216.N.1) whose route to 10.217.N.0/24
/// goes through a gateway (10.216.N.2 on the LAN side, 10.217.N.1 on the other, forwarding on),
/// and a server holding 10.217.N.2 and 10.217.N.3. Every address is assigned here; deleting the
/// namespaces deletes the veth pairs.</summary>
internal sealed class GatewayNamespaces : IDisposable
{
    private GatewayNamespaces(int n)
    {
        var tag = $"{Environment.ProcessId % 10000}g{n}";
        Client = $"edge-bc{tag}";
        Gateway = $"edge-bg{tag}";
        Server = $"edge-bs{tag}";
        GatewayLan = $"gl{tag}";
        ClientAddress = $"10.216.{n}.1";
        GatewayLanAddress = $"10.216.{n}.2";
        GatewayWanAddress = $"10.217.{n}.1";
        Allowed = $"10.217.{n}.2";
        Listed = $"10.217.{n}.3";
        N = n;
    }

    public int N { get; }
    public string Client { get; }
    public string Gateway { get; }
    public string Server { get; }
    /// <summary>The gateway's interface towards the client (the sensor captures there).</summary>
    public string GatewayLan { get; }
    public string ClientAddress { get; }
    public string GatewayLanAddress { get; }
    public string GatewayWanAddress { get; }
    /// <summary>The server's first address (10.217.N.2).</summary>
    public string Allowed { get; }
    /// <summary>The server's second address (10.217.N.3).</summary>
    public string Listed { get; }

    public static GatewayNamespaces Create()
    {
        var net = new GatewayNamespaces(Random.Shared.Next(1, 255));
        try
        {
            net.Build();
            return net;
        }
        catch
        {
            net.Dispose();
            throw;
        }
    }

    private void Build()
    {
        var tag = GatewayLan[2..];
        foreach (var ns in new[] { Client, Gateway, Server })
        {
            NamespacePair.Run("ip", "netns", "add", ns);
            NamespacePair.In(ns, "ip", "link", "set", "lo", "up");
        }
        NamespacePair.Run("ip", "link", "add", $"cl{tag}", "netns", Client, "type", "veth", "peer", "name", GatewayLan, "netns", Gateway);
        NamespacePair.Run("ip", "link", "add", $"gw{tag}", "netns", Gateway, "type", "veth", "peer", "name", $"sv{tag}", "netns", Server);
        Address(Client, $"cl{tag}", ClientAddress);
        Address(Gateway, GatewayLan, GatewayLanAddress);
        Address(Gateway, $"gw{tag}", GatewayWanAddress);
        Address(Server, $"sv{tag}", Allowed);
        NamespacePair.In(Server, "ip", "addr", "add", $"{Listed}/24", "dev", $"sv{tag}");
        NamespacePair.In(Gateway, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        NamespacePair.In(Client, "ip", "route", "add", $"10.217.{N}.0/24", "via", GatewayLanAddress);
        NamespacePair.In(Server, "ip", "route", "add", $"10.216.{N}.0/24", "via", GatewayWanAddress);
    }

    private static void Address(string ns, string device, string address)
    {
        NamespacePair.In(ns, "ip", "addr", "add", $"{address}/24", "dev", device);
        NamespacePair.In(ns, "ip", "link", "set", device, "up");
        NamespacePair.In(ns, "sysctl", "-q", "-w", $"net.ipv6.conf.{device}.disable_ipv6=1");
    }

    /// <summary>A DNS query from the client to <paramref name="server"/> over UDP or TCP: true when answered.</summary>
    public bool Answers(string server, bool tcp)
    {
        try
        {
            var output = NamespacePair.In(Client, "dig", tcp ? "+tcp" : "+notcp", "+tries=1", "+time=1", "+short", $"@{server}", "probe.test", "A");
            return output.Contains($"10.217.{N}.2", StringComparison.Ordinal);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        foreach (var ns in new[] { Client, Gateway, Server })
        {
            try
            {
                NamespacePair.Run("ip", "netns", "del", ns);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                // Never made, or gone.
            }
        }
    }
}
