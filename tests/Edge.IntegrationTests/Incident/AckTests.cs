using System.Text.Json;
using Edge.Cli.Store;
using Edge.Cli.Watch;

namespace Edge.IntegrationTests.Incident;

/// <summary><c>edgectl ack</c> against a real sensor through a real mosquitto: the sensor's answer
/// comes back, and its own status page shows the alert acknowledged.</summary>
public sealed class AckTests(AckTests.SensorFixture fixture) : IClassFixture<AckTests.SensorFixture>
{
    private RunningSensor Sensor => fixture.Sensor;

    private string[] Signing => ["--key", Sensor.KeyFile, "--key-id", RunningSensor.KeyId, "--broker", Sensor.Broker.Url];

    /// <summary>A high or critical alert still open on the sensor (the kind its LEDs show until
    /// acknowledged), among those its status page lists and the broker carried.</summary>
    private async Task<string> OpenAlertAsync()
    {
        var published = Sensor.Alerts().Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        using var status = await Sensor.StatusAsync();
        return status.RootElement.GetProperty("recent_alerts").EnumerateArray()
            .Where(a => a.GetProperty("severity").GetString() is "high" or "critical" && !a.GetProperty("acknowledged").GetBoolean())
            .Select(a => a.GetProperty("id").GetString()!)
            .First(published.Contains);
    }

    [Fact]
    public async Task Acking_a_real_alert_returns_the_sensors_ok_and_its_status_page_shows_it_acknowledged()
    {
        var alertId = await OpenAlertAsync();
        var (before, openBefore) = await Sensor.AcknowledgementAsync(alertId);

        var (code, output) = Edgectl.Run(60, ["ack", alertId, "--sensor", "town-a/gw-1", "--note", "handled by the duty officer", .. Signing]);

        Assert.False(before);
        Assert.True(code == 0, output);
        Assert.StartsWith($"ok: ack on town-a/gw-1 (command ", output, StringComparison.Ordinal);
        Assert.Contains($"{{\"alert_id\":\"{alertId}\"}} (note: handled by the duty officer)", output, StringComparison.Ordinal);
        var (after, openAfter) = await Sensor.AcknowledgementAsync(alertId);
        Assert.True(after, "the status page still shows the alert unacknowledged");
        Assert.Equal(openBefore - 1, openAfter);
    }

    [Fact]
    public async Task With_the_store_ack_finds_the_alerts_sensor_by_its_id_and_json_carries_the_sensors_result()
    {
        var alertId = await OpenAlertAsync();
        var store = Path.Combine(Sensor.Work, "incident.db");
        StoreAlerts(store);

        var (code, output) = Edgectl.Run(60, ["ack", alertId.ToLowerInvariant(), "--store", store, "--json", .. Signing]);

        Assert.True(code == 0, output);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(("town-a", "gw-1", true, false), (root.GetProperty("agency").GetString(), root.GetProperty("sensor").GetString(),
            root.GetProperty("ok").GetBoolean(), root.GetProperty("timeout").GetBoolean()));
        Assert.Equal("edge.cmd-result/1", root.GetProperty("result").GetProperty("schema").GetString());
        Assert.Equal(alertId, root.GetProperty("result").GetProperty("result").GetProperty("alert_id").GetString());
        Assert.True((await Sensor.AcknowledgementAsync(alertId)).Acknowledged);
    }

    [Fact]
    public void An_alert_the_sensor_never_raised_is_refused_not_found_with_exit_1()
    {
        var (code, output) = Edgectl.Run(60, ["ack", "01JX0000000000000000000ACK", "--sensor", "town-a/gw-1", .. Signing]);

        Assert.Equal(1, code);
        Assert.StartsWith("refused by town-a/gw-1: not_found (args.alert_id): no alert 01JX0000000000000000000ACK is known", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alert_id_the_store_does_not_hold_is_exit_1_before_anything_is_sent()
    {
        var store = Path.Combine(Sensor.Work, "empty.db");
        IncidentStore.Open(store).Dispose();

        var (code, output) = Edgectl.Run(60, ["ack", "01JX0000000000000000000ACK", "--store", store, .. Signing]);

        Assert.Equal(1, code);
        Assert.Contains("alert 01JX0000000000000000000ACK is not in the store", output, StringComparison.Ordinal);
    }

    /// <summary>What a collector would have stored: every alert the subscriber saw.</summary>
    private void StoreAlerts(string path)
    {
        using var store = IncidentStore.Open(path);
        using var writer = new StoreWriter(store);
        var batch = new IncomingBatch();
        foreach (var message in Sensor.Subscriber.Received.Where(m => m.Topic.Contains("/alert/", StringComparison.Ordinal)))
        {
            Assert.True(AlertPayload.TryParse(System.Text.Encoding.UTF8.GetBytes(message.Payload), out var alert, out _));
            var first = DateTimeOffset.Parse(alert.FirstSeen, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
            var last = DateTimeOffset.Parse(alert.LastSeen, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
            batch.Alerts.Add(new IncomingAlert(alert, message.Payload, first, last, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        }
        writer.Write(batch);
    }

    public sealed class SensorFixture : IAsyncLifetime
    {
        public RunningSensor Sensor { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Sensor = await RunningSensor.StartAsync();

        public async ValueTask DisposeAsync()
        {
            if (Sensor is not null)
                await Sensor.DisposeAsync();
        }
    }
}
