using System.Diagnostics;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Outbox;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Mqtt;

/// <summary>deploy/mosquitto as shipped (its mosquitto.conf on a loopback port without TLS, accounts
/// and ACL made by its scripts): a sensor publishes only under its own topics.</summary>
public class AclTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_sensor_cannot_publish_to_another_sensors_topics()
    {
        MosquittoProcess.RequireInstalled();
        var deploy = Path.Combine(RepoRoot(), "deploy", "mosquitto");
        await using var broker = await MosquittoProcess.StartWithConfigAsync((port, dir) => DeployConfig(deploy, port, dir));
        Script(deploy, "add-sensor.sh", broker.Directory, "EDGE_SENSOR_PASSWORD", "pw-1", "town-a", "gw-1");
        Script(deploy, "add-sensor.sh", broker.Directory, "EDGE_SENSOR_PASSWORD", "pw-2", "town-a", "gw-2");
        Script(deploy, "add-incident.sh", broker.Directory, "EDGE_INCIDENT_PASSWORD", "pw-i", "incident");
        broker.Signal("HUP");
        await Task.Delay(300, TestContext.Current.CancellationToken);

        await using var incident = await TestSubscriber.ConnectAsync("127.0.0.1", broker.Port, "incident", username: "incident", password: "pw-i", filters: "edge/v1/#");
        var outbox = new InMemoryOutbox();
        var inbox = new RecordingInbox();
        var log = new ListLogger(output);
        var options = new UplinkOptions { Broker = broker.Url, Username = "town-a.gw-2", Password = "pw-2", ReconnectMinSeconds = 0.2, ReconnectMaxSeconds = 1 };
        await using var uplink = new MqttUplink(options, Alerts.Identity("town-a", "gw-2"), outbox, log, commands: inbox);
        var other = new Uplink.Topics.TopicLayout("town-a", "gw-1");
        outbox.Add(Alerts.Item(uplink.Topics.Alert("cnc"), 1));
        outbox.Add(Alerts.Item(other.Alert("cnc"), 2));
        outbox.Add(Alerts.Item(other.Status, 3));
        outbox.Add(Alerts.Item(uplink.Topics.Command("ack"), 4));
        outbox.Add(Alerts.Item(uplink.Topics.Alert("cnc"), 5));
        uplink.Start();

        await Eventually.TrueAsync(() => uplink.Stats.Sent == 2 && uplink.Stats.Failed == 3, Wait, "own messages sent, the others refused");
        // Refused (NotAuthorized may be an ACL being edited): kept, offered again on the next connection.
        Assert.Equal(3, outbox.Stats.Depth);
        Assert.True(log.Contains($"broker refused message 2 on {other.Alert("cnc")} (id a00000002): NotAuthorized"), "refusal logged");

        await Eventually.TrueAsync(() => incident.Received.Any(r => r.Payload.Contains("\"n\":5", StringComparison.Ordinal)), Wait, "own alerts reach the incident team");
        await Task.Delay(300, TestContext.Current.CancellationToken);
        var numbers = incident.Received.Where(r => r.Payload.Contains("\"n\":", StringComparison.Ordinal)).Select(r => Alerts.NumberOf(r.Payload)).ToArray();
        Assert.Equal([1, 5], numbers);
        Assert.Contains(incident.Received, r => r.Topic == uplink.Topics.Status && r.Payload.Contains("online", StringComparison.Ordinal));

        // The incident team may command the sensor; the sensor gets its own commands only.
        Assert.True((await incident.PublishAsync(uplink.Topics.Command("led-test"), """{"id":"c9"}""")).IsSuccess);
        await Eventually.TrueAsync(() => !inbox.Commands.IsEmpty, Wait, "command delivered");
        Assert.Equal("led-test", inbox.Commands.Single().Name);
    }

    /// <summary>deploy/mosquitto/mosquitto.conf with its files in the test folder, a plain listener
    /// on the test port, and the log in the test folder.</summary>
    private static string DeployConfig(string deploy, int port, DirectoryInfo dir)
    {
        var tlsOrHost = new[] { "cafile", "certfile", "keyfile", "tls_version", "require_certificate", "log_dest", "log_type", "persistence_location" };
        var lines = File.ReadAllLines(Path.Combine(deploy, "mosquitto.conf"))
            .Where(l => !tlsOrHost.Any(k => l.StartsWith(k + " ", StringComparison.Ordinal)))
            .Select(l => l.Replace("/etc/mosquitto/edge/", dir.FullName + "/", StringComparison.Ordinal))
            .Select(l => l == "listener 8883" ? $"listener {port} 127.0.0.1" : l)
            .ToList();
        Assert.Contains($"listener {port} 127.0.0.1", lines);
        lines.Insert(0, $"persistence_location {dir.FullName}/");
        File.WriteAllText(Path.Combine(dir.FullName, "passwd"), "");
        File.WriteAllText(Path.Combine(dir.FullName, "acl"), "");
        return string.Join('\n', lines);
    }

    private void Script(string deploy, string script, DirectoryInfo dir, string passwordVariable, string password, params string[] args)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(deploy, script), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["EDGE_MOSQUITTO_DIR"] = dir.FullName;
        start.Environment[passwordVariable] = password;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.True(process.WaitForExit(30_000), $"{script} did not finish");
        output.WriteLine(stdout.Result + stderr.Result);
        Assert.True(process.ExitCode == 0, $"{script} failed: {stderr.Result}");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Edge.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("Edge.sln not found above the test binaries");
    }
}
