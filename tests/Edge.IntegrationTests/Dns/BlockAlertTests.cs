using System.Diagnostics;
using System.Text.Json;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.IntegrationTests.TestSupport;

namespace Edge.IntegrationTests.Dns;

/// <summary>A blocked lookup through the forwarder raises an alert with <c>blocked: true</c>, the
/// list's category and the name asked, read from the broker as LiveSensorTests reads it (mosquitto
/// on the sensor namespace's loopback, mosquitto_sub on the alert topic). edge-service run has no
/// --events option, so the broker is where the test sees the alert.</summary>
[Collection(DnsLabCollection.Name)]
public sealed class BlockAlertTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private const string Root = $"edge/v1/{EdgeForwarder.Agency}/{EdgeForwarder.SensorId}";
    private const string Blocked = "alert.lab.test";

    [Fact]
    public void A_blocked_lookup_raises_an_alert_marked_blocked_with_the_lists_category_and_the_name()
    {
        MosquittoProcess.RequireInstalled();
        using var lab = DnsLab.Create();
        lab.StartUnbound();
        const int port = 18831;
        var brokerConfig = Path.Combine(lab.Work.FullName, "mosquitto.conf");
        File.WriteAllText(brokerConfig, $"listener {port} 127.0.0.1\nallow_anonymous true\n");
        lab.Start("mosquitto", lab.Sensor, null, MosquittoProcess.Binary!, "-c", brokerConfig);
        NamespacePair.WaitForBroker(lab.Sensor, port);
        var subscriber = lab.Start("mosquitto_sub", lab.Sensor, null, "mosquitto_sub", "-h", "127.0.0.1", "-p", $"{port}", "-t", Root + "/alert/#", "-v", "-q", "1");
        var intel = Directory.CreateDirectory(Path.Combine(lab.Work.FullName, "intel"));
        File.WriteAllText(Path.Combine(intel.FullName, "phishing.txt"), Blocked + "\n");
        var edge = new EdgeForwarder(lab).Upstream(lab.UnboundAddress).IntelList(intel.FullName).BlockAnswer("NxDomain")
            .Setting("Edge__Uplink__Broker", $"mqtt://127.0.0.1:{port}").Start();

        var answer = lab.Dig.Query(lab.SensorAddress, Blocked, "A");
        Assert.True(answer.Status == "NXDOMAIN", answer.Raw);

        var line = subscriber.WaitFor(l => l.StartsWith(Root + "/alert", StringComparison.Ordinal) && l.Contains(Blocked, StringComparison.Ordinal), Wait, "the blocked lookup's alert on the broker");
        var topic = line[..line.IndexOf(' ', StringComparison.Ordinal)];
        using var alert = JsonDocument.Parse(line[(topic.Length + 1)..]);
        var root = alert.RootElement;
        Assert.True(root.TryGetProperty("blocked", out var blocked) && blocked.ValueKind == JsonValueKind.True, line);
        Assert.Equal("phishing", root.GetProperty("category").GetString());
        Assert.EndsWith("/alert/phishing", topic, StringComparison.Ordinal);
        Assert.Equal(Blocked, root.GetProperty("dns").GetProperty("qname").GetString()!.TrimEnd('.'));
        Assert.Equal(lab.ClientAddress, root.GetProperty("src").GetProperty("ip").GetString());
        Assert.False(edge.HasExited, edge.Output);

        // An allowed lookup raises nothing.
        lab.Dig.Query(lab.SensorAddress, LabZone.Www, "A");
        Thread.Sleep(2000);
        Assert.DoesNotContain(LabZone.Www, subscriber.Output, StringComparison.Ordinal);
    }

}
