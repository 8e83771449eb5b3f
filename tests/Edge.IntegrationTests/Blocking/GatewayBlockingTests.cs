using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.IntegrationTests.Service;
using Edge.IntegrationTests.TestSupport;
using Edge.Uplink.Commands.Signing;
using Edge.Uplink.Commands.Wire;

namespace Edge.IntegrationTests.Blocking;

/// <summary>The real <c>edge-service run</c> as the gateway between a client namespace and a server
/// namespace: in gateway mode the listed address is unreachable (UDP and TCP) and the allowed one
/// reachable, the drop raises a <c>blocked: true</c> alert, and a signed <c>intel-update</c>
/// flips which address is listed while the sensor runs. In monitor mode nft is never run.
/// Needs root, nftables, dnsmasq, dig and mosquitto.</summary>
public sealed class GatewayBlockingTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private const string Agency = "town-gw";
    private const string SensorId = "gw-1";
    private const string Root = $"edge/v1/{Agency}/{SensorId}";
    private const int BrokerPort = 18831;

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("edge-gateway-");
    private readonly CommandSigner _team = new("incident-1", Ed25519Signatures.NewPrivateKey());

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void The_listed_address_is_dropped_alerted_and_swapped_live_by_an_intel_update()
    {
        MosquittoProcess.RequireInstalled();
        using var net = GatewayNamespaces.Create();
        using var server = StartServer(net);
        var brokerConfig = Path.Combine(_work.FullName, "mosquitto.conf");
        File.WriteAllText(brokerConfig, $"listener {BrokerPort} 127.0.0.1\nallow_anonymous true\n");
        using var broker = NamespaceProcess.Start("mosquitto", net.Gateway, null, MosquittoProcess.Binary!, "-c", brokerConfig);
        NamespacePair.WaitForBroker(net.Gateway, BrokerPort);
        using var subscriber = NamespaceProcess.Start("mosquitto_sub", net.Gateway, null, "mosquitto_sub", "-h", "127.0.0.1", "-p", $"{BrokerPort}", "-t", Root + "/#", "-v", "-q", "1");
        using var sensor = StartSensor(net, "Gateway");
        sensor.WaitFor(line => line.Contains("gateway blocking: table inet edge holds 0 IPv4", StringComparison.Ordinal), Wait, "the empty sets written");
        subscriber.WaitFor(line => line.StartsWith(Root + "/status ", StringComparison.Ordinal) && line.Contains("\"online\"", StringComparison.Ordinal), Wait, "the sensor online");

        SendIntelUpdate(net, "c-intel-1", $"{net.Listed}/32\n");
        subscriber.WaitFor(line => line.StartsWith(Root + "/cmd-result", StringComparison.Ordinal) && line.Contains("c-intel-1", StringComparison.Ordinal), Wait, "the first intel-update's result");
        WaitUntil(() => NamespacePair.In(net.Gateway, "nft", "list", "set", "inet", "edge", "blocked4").Contains(net.Listed, StringComparison.Ordinal), "the set to hold the listed address");

        Assert.True(net.Answers(net.Allowed, tcp: false), "UDP to the allowed address");
        Assert.True(net.Answers(net.Allowed, tcp: true), "TCP to the allowed address");
        Assert.False(net.Answers(net.Listed, tcp: false), "UDP to the listed address");
        Assert.False(net.Answers(net.Listed, tcp: true), "TCP to the listed address");
        var alert = subscriber.WaitFor(line => line.StartsWith(Root + "/alert", StringComparison.Ordinal)
            && line.Contains("edge.block.ip", StringComparison.Ordinal) && line.Contains($"\"{net.Listed}\"", StringComparison.Ordinal), Wait, "the blocked alert");
        var message = JsonNode.Parse(alert[(alert.IndexOf(' ', StringComparison.Ordinal) + 1)..])!;
        Assert.True(message["blocked"]!.GetValue<bool>());
        Assert.Equal("cnc", message["category"]!.GetValue<string>());
        Assert.Equal(net.ClientAddress, message["src"]!["ip"]!.GetValue<string>());
        Assert.Equal(net.Listed, message["dst"]!["ip"]!.GetValue<string>());
        Assert.Equal("gw.cnc.txt", message["intel"]!["source"]!.GetValue<string>());

        // The same list name again replaces the list: .2 listed, .3 no more.
        SendIntelUpdate(net, "c-intel-2", $"{net.Allowed}/32\n");
        subscriber.WaitFor(line => line.StartsWith(Root + "/cmd-result", StringComparison.Ordinal) && line.Contains("c-intel-2", StringComparison.Ordinal), Wait, "the second intel-update's result");
        WaitUntil(() => NamespacePair.In(net.Gateway, "nft", "list", "set", "inet", "edge", "blocked4").Contains(net.Allowed, StringComparison.Ordinal), "the set to hold the new address");
        Assert.DoesNotContain(net.Listed, NamespacePair.In(net.Gateway, "nft", "list", "set", "inet", "edge", "blocked4"), StringComparison.Ordinal);

        Assert.False(net.Answers(net.Allowed, tcp: false), "UDP to the newly listed address");
        Assert.False(net.Answers(net.Allowed, tcp: true), "TCP to the newly listed address");
        Assert.True(net.Answers(net.Listed, tcp: false), "UDP to the no longer listed address");
        Assert.True(net.Answers(net.Listed, tcp: true), "TCP to the no longer listed address");
    }

    [Fact]
    public void Monitor_mode_leaves_the_gateway_ruleset_empty()
    {
        MosquittoProcess.RequireInstalled();
        using var net = GatewayNamespaces.Create();
        using var server = StartServer(net);
        File.WriteAllText(Path.Combine(_work.FullName, "gw.cnc.txt"), $"{net.Listed}/32\n");
        using var sensor = StartSensor(net, "Monitor", Path.Combine(_work.FullName, "gw.cnc.txt"));
        sensor.WaitFor(line => line.Contains("watching interface", StringComparison.Ordinal), Wait, "the sensor watching");

        Assert.True(net.Answers(net.Listed, tcp: false), "the listed address stays reachable");
        Assert.Equal("", NamespacePair.In(net.Gateway, "nft", "list", "ruleset").Trim());
        Assert.DoesNotContain("gateway blocking", sensor.Output, StringComparison.Ordinal);
    }

    private NamespaceProcess StartServer(GatewayNamespaces net) =>
        NamespaceProcess.Start("dnsmasq", net.Server, null, "dnsmasq", "--no-daemon", "--no-resolv", "--no-hosts", "--bind-interfaces",
            $"--listen-address={net.Allowed}", $"--listen-address={net.Listed}", "--except-interface=lo",
            $"--address=/probe.test/{net.Allowed}", $"--pid-file={Path.Combine(_work.FullName, "dnsmasq.pid")}", "--user=root", "--log-facility=-");

    private NamespaceProcess StartSensor(GatewayNamespaces net, string mode, string? secondList = null)
    {
        var baseList = Path.Combine(_work.FullName, "base.txt");
        File.WriteAllText(baseList, "never-contacted.example\tcnc\n");
        return NamespaceProcess.Start("edge-service", net.Gateway, new Dictionary<string, string>
        {
            ["Edge__Uplink__Broker"] = $"mqtt://127.0.0.1:{BrokerPort}",
            ["Edge__Sensor__Agency"] = Agency,
            ["Edge__Sensor__Id"] = SensorId,
            ["Edge__Sensor__StateDirectory"] = Path.Combine(_work.FullName, "state"),
            ["Edge__Commands__TrustedKeys__incident-1"] = Convert.ToBase64String(_team.PublicKey),
            ["Edge__Intel__Lists__0"] = baseList,
            ["Edge__Hardware__Gpio"] = "Simulated",
            ["Edge__StatusPage__Port"] = "18081",
            ["Edge__Intel__Lists__1"] = secondList ?? baseList,
            ["Edge__Blocking__Mode"] = mode,
        }, "dotnet", "exec", ServiceProcess.Dll, "run", "--interface", net.GatewayLan);
    }

    private void SendIntelUpdate(GatewayNamespaces net, string id, string list)
    {
        var data = Encoding.UTF8.GetBytes(list);
        var command = Path.Combine(_work.FullName, id + ".json");
        File.WriteAllBytes(command, _team.Sign(new CommandRequest(id, "intel-update", Agency, SensorId, DateTimeOffset.UtcNow)
        {
            Args = new JsonObject
            {
                ["list"] = "gw.txt",
                ["category"] = "cnc",
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(data)),
                ["data"] = Convert.ToBase64String(data),
            },
        }));
        NamespacePair.In(net.Gateway, "mosquitto_pub", "-h", "127.0.0.1", "-p", $"{BrokerPort}", "-q", "1", "-t", Root + "/cmd/intel-update", "-f", command);
    }

    private static void WaitUntil(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Wait)
                Assert.Fail($"no sign of {what} within {Wait}");
            Thread.Sleep(100);
        }
    }
}
