using System.Text.Json;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.IntegrationTests.Service;
using Edge.IntegrationTests.TestSupport;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Incident;

/// <summary><c>edgectl collect</c> against a real mosquitto with real sensors: three
/// <c>edge-service replay --publish</c> processes publish while two collectors share the
/// subscription into one SQLite store (WAL, both writing). The expected alerts come from the sensors'
/// own event logs (<c>--events</c>), not from MQTT.</summary>
public sealed class CollectSharedSubscriptionTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("edge-collect-it-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
    }

    [Fact]
    public async Task Two_collectors_share_the_alerts_of_three_sensors_and_store_every_alert_exactly_once()
    {
        MosquittoProcess.RequireInstalled();
        await using var broker = await MosquittoProcess.StartAsync();
        var store = Path.Combine(_work.FullName, "incident.db");
        using var first = await CollectorProcess.StartAsync("--broker", broker.Url, "--store", store, "--client-id", "collector-1", "--batch", "10", "--flush-ms", "50");
        using var second = await CollectorProcess.StartAsync("--broker", broker.Url, "--store", store, "--client-id", "collector-2", "--batch", "10", "--flush-ms", "50");

        // Alert ids hash the rule, client, indicator and capture time, not the sensor: each sensor
        // replays its own capture (the bundled sample, two synthetic ones at other times).
        (string Agency, string Sensor, string? Capture)[] sensors =
        [
            ("town-a", "gw-1", null),
            ("town-b", "gw-7", Synth(2, "2026-05-04T10:00:00Z")),
            ("city-c", "edge-2", Synth(3, "2026-06-01T07:30:00Z")),
        ];
        var replays = sensors.Select(s => Replay(broker.Port, s.Agency, s.Sensor, s.Capture)).ToList();
        foreach (var replay in replays)
        {
            using (replay)
                Assert.Equal(0, replay.WaitForExit(Wait));
        }

        var expected = sensors.SelectMany(s => AlertsInEventLog(s.Agency, s.Sensor)).ToList();
        var finalCounts = expected.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => (g.First().Agency, g.First().Sensor, Count: g.Max(a => a.Count)));
        Assert.True(finalCounts.Count >= 60, $"{finalCounts.Count} distinct alerts in the event logs");
        await Eventually.TrueAsync(() => CollectedStore.Scalar(store, "SELECT COALESCE(SUM(deliveries), 0) FROM alerts") >= expected.Count, Wait,
            $"{expected.Count} alert messages ({finalCounts.Count} ids) in the store");

        Assert.Equal(0, first.Terminate());
        Assert.Equal(0, second.Terminate());
        var stored = CollectedStore.Rows(store, "SELECT id, agency, sensor, count FROM alerts")
            .ToDictionary(r => r[0], r => (r[1], r[2], long.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(finalCounts.OrderBy(p => p.Key), stored.OrderBy(p => p.Key));
        Assert.Equal(expected.Count, CollectedStore.Scalar(store, "SELECT SUM(deliveries) FROM alerts"));
        var (newOne, repeatedOne, _) = first.Totals();
        var (newTwo, repeatedTwo, _) = second.Totals();
        Assert.True(newOne > 0 && newTwo > 0, $"the shared subscription gave collector-1 {newOne} and collector-2 {newTwo} new alerts");
        Assert.Equal(finalCounts.Count, newOne + newTwo);
        Assert.Equal(expected.Count - finalCounts.Count, repeatedOne + repeatedTwo);
        Assert.Equal(0, CollectedStore.Scalar(store, "SELECT COUNT(*) FROM rejects"));
        Assert.Equal(3, CollectedStore.Scalar(store, "SELECT COUNT(*) FROM sensors WHERE version IS NOT NULL"));
    }

    private string Synth(int seed, string start)
    {
        var path = Path.Combine(_work.FullName, $"synth-{seed}.pcap");
        var (code, output) = ToolRun.Run("dotnet", _work.FullName, TimeSpan.FromMinutes(2),
            "exec", CollectorProcess.Dll, "synth", "--out", path, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--start", start);
        Assert.True(code == 0, output);
        return path;
    }

    private ServiceProcess Replay(int port, string agency, string sensor, string? capture)
    {
        var environment = new Dictionary<string, string>
        {
            ["Edge__Uplink__Broker"] = $"mqtt://127.0.0.1:{port}",
            ["Edge__Uplink__ReconnectMinSeconds"] = "0.1",
            ["Edge__Uplink__ReconnectMaxSeconds"] = "0.5",
            ["Edge__Sensor__Agency"] = agency,
            ["Edge__Sensor__Id"] = sensor,
            ["Edge__Sensor__StateDirectory"] = Directory.CreateDirectory(Path.Combine(_work.FullName, $"state-{agency}-{sensor}")).FullName,
        };
        string[] args = ["replay", .. capture is null ? [] : new[] { capture }, "--no-progress", "--publish", "--events", EventLog(agency, sensor)];
        return ServiceProcess.Start(environment, args);
    }

    private string EventLog(string agency, string sensor) => Path.Combine(_work.FullName, $"events-{agency}-{sensor}.jsonl");

    /// <summary>Every alert line of a sensor's event log: first sightings and count updates.</summary>
    private IEnumerable<(string Id, string Agency, string Sensor, long Count)> AlertsInEventLog(string agency, string sensor)
    {
        foreach (var line in File.ReadLines(EventLog(agency, sensor)))
        {
            using var record = JsonDocument.Parse(line);
            if (record.RootElement.GetProperty("type").GetString() != "alert")
                continue;
            var alert = record.RootElement.GetProperty("alert");
            yield return (alert.GetProperty("id").GetString()!, agency, sensor, alert.GetProperty("count").GetInt64());
        }
    }
}
