using System.Text.Json;
using Edge.Cli.Store;
using Edge.Cli.Watch;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Incident;

/// <summary><c>edgectl fleet --broker</c> against a real sensor: online with its version while it
/// runs; offline once it is killed hard and the broker has sent its Last Will.</summary>
public sealed class FleetTests
{
    [Fact]
    public async Task The_running_sensor_shows_online_with_its_version_and_after_a_hard_kill_offline()
    {
        await using var sensor = await RunningSensor.StartAsync(heartbeatSeconds: 1);
        var version = BirthVersion(sensor);

        var (code, output) = Edgectl.Run(60, "fleet", "--broker", sensor.Broker.Url, "--listen", "3s", "--json");

        Assert.True(code == 0, output);
        var live = SensorIn(output);
        Assert.Equal(("online", true, version), (live.GetProperty("health").GetString(), live.GetProperty("status_online").GetBoolean(), live.GetProperty("version").GetString()));
        Assert.InRange(live.GetProperty("heartbeat_age_seconds").GetDouble(), 0, 3.5);
        Assert.Equal(JsonValueKind.Number, live.GetProperty("outbox_depth").ValueKind);

        // With a store beside the broker: the live status and heartbeat, the stored last alert.
        var store = Path.Combine(sensor.Work, "incident.db");
        StoreAlerts(sensor, store);
        var (mergedCode, mergedOutput) = Edgectl.Run(60, "fleet", "--store", store, "--broker", sensor.Broker.Url, "--listen", "2s", "--json");
        Assert.True(mergedCode == 0, mergedOutput);
        var merged = SensorIn(mergedOutput);
        Assert.Equal("online", merged.GetProperty("health").GetString());
        Assert.Equal(JsonValueKind.String, merged.GetProperty("last_alert").ValueKind);

        sensor.Service.KillHard();
        await Eventually.TrueAsync(() => sensor.Subscriber.On(RunningSensor.Root + "/status").Any(m => m.Payload.Contains("\"offline\"", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "the Last Will on the broker");

        var (offlineCode, table) = Edgectl.Run(60, "fleet", "--broker", sensor.Broker.Url, "--listen", "2s", "--fail-on-silent");
        var (_, offlineJson) = Edgectl.Run(60, "fleet", "--broker", sensor.Broker.Url, "--listen", "1s", "--json");

        Assert.Equal(1, offlineCode);
        Assert.Contains("town-a/gw-1", table, StringComparison.Ordinal);
        Assert.Contains("offline (Last Will or clean stop)", table, StringComparison.Ordinal);
        Assert.Contains("1 sensor(s): 0 online, 0 silent, 1 offline", table, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", table, StringComparison.Ordinal);
        Assert.Equal("offline", SensorIn(offlineJson).GetProperty("health").GetString());
    }

    [Fact]
    public async Task Over_mutual_TLS_fleet_needs_the_pinned_CA_and_the_client_certificate_and_says_which_is_missing()
    {
        using var pki = new TestCertificates();
        await using var broker = await MosquittoProcess.StartAsync(pki.ListenerConfig(requireClientCertificate: true));
        var url = $"mqtts://127.0.0.1:{broker.Port}";

        var (code, output) = Edgectl.Run(60, "fleet", "--broker", url, "--ca", pki.CaFile, "--client-cert", pki.ClientCertificateFile,
            "--client-key", pki.ClientKeyFile, "--listen", "1s", "--json");
        var (noCertificate, noCertificateOutput) = Edgectl.Run(60, "fleet", "--broker", url, "--ca", pki.CaFile, "--listen", "1s");
        var (otherCa, otherCaOutput) = Edgectl.Run(60, "fleet", "--broker", url, "--ca", pki.OtherCaFile, "--client-cert", pki.ClientCertificateFile,
            "--client-key", pki.ClientKeyFile, "--listen", "1s");

        Assert.True(code == 0, output);
        Assert.Equal(0, JsonDocument.Parse(output).RootElement.GetProperty("sensors").GetArrayLength());
        Assert.Equal(1, noCertificate);
        Assert.Contains("client certificate", noCertificateOutput, StringComparison.Ordinal);
        Assert.Equal(1, otherCa);
        Assert.Contains($"TLS: the broker's certificate does not chain to the pinned CA {pki.OtherCaFile}", otherCaOutput, StringComparison.Ordinal);
    }

    private static string BirthVersion(RunningSensor sensor)
    {
        var birth = sensor.Subscriber.On(RunningSensor.Root + "/status").Last(m => m.Payload.Contains("\"online\"", StringComparison.Ordinal));
        using var document = JsonDocument.Parse(birth.Payload);
        return document.RootElement.GetProperty("version").GetString()!;
    }

    private static JsonElement SensorIn(string json)
    {
        var document = JsonDocument.Parse(json);
        var sensors = document.RootElement.GetProperty("sensors");
        Assert.Equal(1, sensors.GetArrayLength());
        var sensor = sensors[0];
        Assert.Equal(("town-a", "gw-1"), (sensor.GetProperty("agency").GetString(), sensor.GetProperty("sensor").GetString()));
        return sensor.Clone();
    }

    private static void StoreAlerts(RunningSensor sensor, string path)
    {
        using var store = IncidentStore.Open(path);
        using var writer = new StoreWriter(store);
        var batch = new IncomingBatch();
        foreach (var message in sensor.Subscriber.Received.Where(m => m.Topic.Contains("/alert/", StringComparison.Ordinal)))
        {
            Assert.True(AlertPayload.TryParse(System.Text.Encoding.UTF8.GetBytes(message.Payload), out var alert, out _));
            var seen = DateTimeOffset.Parse(alert.LastSeen, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
            batch.Alerts.Add(new IncomingAlert(alert, message.Payload, seen, seen, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        }
        writer.Write(batch);
    }
}
