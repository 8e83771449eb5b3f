using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.IntegrationTests.TestSupport;
using Edge.Uplink.Commands.Signing;
using Edge.Uplink.Commands.Wire;

namespace Edge.IntegrationTests.Service;

/// <summary>The whole sensor on a wire: <c>edge-service run</c> captures live on a veth end inside a
/// network namespace the test made, a client in the other namespace looks up a C&amp;C name, the LEDs
/// (simulated, printed) go to the alert pattern, and an <c>ack</c> signed by the incident team brings
/// them back to monitoring. Mosquitto runs beside the sensor, on its namespace's loopback.</summary>
public sealed class LiveSensorTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private const string Agency = "town-e2e";
    private const string Sensor = "veth-1";
    private const string Root = $"edge/v1/{Agency}/{Sensor}";
    private const string CncName = "update-sync-cdn.example";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("edge-live-");
    private readonly CommandSigner _team = new("incident-1", Ed25519Signatures.NewPrivateKey());

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void A_malicious_lookup_on_the_wire_turns_the_LEDs_to_alert_and_an_ack_turns_them_back()
    {
        MosquittoProcess.RequireInstalled();
        using var pair = NamespacePair.Create();
        const int port = 18830;
        var brokerConfig = Path.Combine(_work.FullName, "mosquitto.conf");
        File.WriteAllText(brokerConfig, $"listener {port} 127.0.0.1\nallow_anonymous true\n");
        using var broker = NamespaceProcess.Start("mosquitto", pair.Sensor, null, MosquittoProcess.Binary!, "-c", brokerConfig);
        NamespacePair.WaitForBroker(pair.Sensor, port);
        using var subscriber = NamespaceProcess.Start("mosquitto_sub", pair.Sensor, null, "mosquitto_sub", "-h", "127.0.0.1", "-p", $"{port}", "-t", Root + "/#", "-v", "-q", "1");
        using var sensor = NamespaceProcess.Start("edge-service", pair.Sensor, new Dictionary<string, string>
        {
            ["Edge__Uplink__Broker"] = $"mqtt://127.0.0.1:{port}",
            ["Edge__Sensor__Agency"] = Agency,
            ["Edge__Sensor__Id"] = Sensor,
            ["Edge__Sensor__StateDirectory"] = Path.Combine(_work.FullName, "state"),
            ["Edge__Commands__TrustedKeys__incident-1"] = Convert.ToBase64String(_team.PublicKey),
            ["Edge__Hardware__Gpio"] = "Simulated",
            ["Edge__Hardware__TerminalLeds"] = "On",
            ["Edge__StatusPage__Port"] = "18080",
        }, "dotnet", "exec", ServiceProcess.Dll, "run", "--interface", pair.SensorInterface, "--filter", "udp port 53");

        sensor.WaitFor(line => line.Contains("LEDs  green heartbeat  monitoring", StringComparison.Ordinal), Wait, "the sensor monitoring");
        subscriber.WaitFor(line => line.StartsWith(Root + "/status ", StringComparison.Ordinal) && line.Contains("\"online\"", StringComparison.Ordinal), Wait, "the sensor's birth on the broker");

        // Nobody answers on the sensor's address: the lookup on the wire is what counts.
        NamespacePair.TryIn(pair.Client, "dig", "+tries=1", "+time=1", $"@{pair.SensorAddress}", CncName, "A");

        var alert = subscriber.WaitFor(line => line.StartsWith(Root + "/alert", StringComparison.Ordinal) && line.Contains(CncName, StringComparison.Ordinal), Wait, "the alert on the broker");
        sensor.WaitFor(line => line.Contains("LEDs  red double blink  alert", StringComparison.Ordinal), Wait, "the LEDs in the alert pattern");
        var alertId = JsonDocument.Parse(alert[(alert.IndexOf(' ', StringComparison.Ordinal) + 1)..]).RootElement.GetProperty("id").GetString()!;

        var command = Path.Combine(_work.FullName, "ack.json");
        File.WriteAllBytes(command, _team.Sign(new CommandRequest("c-ack-1", "ack", Agency, Sensor, DateTimeOffset.UtcNow)
        {
            Args = new JsonObject { ["alert_id"] = alertId },
        }));
        NamespacePair.In(pair.Sensor, "mosquitto_pub", "-h", "127.0.0.1", "-p", $"{port}", "-q", "1", "-t", Root + "/cmd/ack", "-f", command);

        subscriber.WaitFor(line => line.StartsWith(Root + "/cmd-result", StringComparison.Ordinal) && line.Contains("c-ack-1", StringComparison.Ordinal), Wait, "the ack's result");
        sensor.WaitFor(line => line.Contains("LEDs  green heartbeat  monitoring", StringComparison.Ordinal), Wait, "the LEDs back to monitoring after the ack", after: "LEDs  red double blink  alert");
    }
}
