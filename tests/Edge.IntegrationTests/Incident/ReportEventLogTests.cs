using System.Globalization;
using System.Text.Json;
using Edge.Cli.Store;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.IntegrationTests.Service;
using Edge.IntegrationTests.TestSupport;
using Edge.Uplink.Messages;
using Edge.Uplink.Tests.TestSupport;
using Edge.Watch.Tests.TestSupport;

namespace Edge.IntegrationTests.Incident;

/// <summary>The report's figures against a count made apart from it: real <c>edge-service replay
/// --publish --events</c> runs of three captures as three sensors of two agencies publish to a real
/// mosquitto; what the broker delivers is stored as the collector stores it (the alert JSON read into
/// <see cref="AlertMessage"/>, written by <see cref="StoreWriter"/>, re-deliveries and count updates
/// included); <c>edgectl report --format csv</c> must then give, per agency and category, exactly
/// what this test counts itself from the sensors' event logs.</summary>
public sealed class ReportEventLogTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("edge-report-events-");

    public void Dispose() => _work.Delete(recursive: true);

    private sealed record Capture(string Agency, string Sensor, string Pcap, string[] Extra);

    [Fact]
    public async Task Csv_figures_equal_an_independent_count_from_the_event_logs()
    {
        MosquittoProcess.RequireInstalled();
        var synth = Path.Combine(_work.FullName, "synth-7.pcap");
        var made = ToolRun.Run("dotnet", _work.FullName, TimeSpan.FromMinutes(1), "exec", Edgectl, "synth", "--out", synth, "--seed", "7", "--start", "2026-08-15T23:59:30Z");
        Assert.True(made.ExitCode == 0, made.Output);
        Capture[] captures =
        [
            new("town-a", "gw-1", Path.Combine(AppContext.BaseDirectory, "Samples", "lan-sample.pcap"), []),
            new("town-a", "gw-2", synth, []),
            new("town-b", "gw-7", Corpus.Pcap("mixed"), ["--intel", Path.Combine(Corpus.Root, "intel")]),
        ];
        await using var broker = await MosquittoProcess.StartAsync();
        await using var collector = await TestSubscriber.ConnectAsync("127.0.0.1", broker.Port, "collector", filters: "edge/v1/+/+/alert/#");

        var logs = new List<(Capture Capture, string Events)>();
        foreach (var capture in captures)
        {
            var events = Path.Combine(_work.FullName, capture.Sensor + ".ndjson");
            using var sensor = ServiceProcess.Start(Environment(broker.Port, capture), ["replay", capture.Pcap, .. capture.Extra, "--events", events, "--publish", "--no-progress"]);
            Assert.Equal(0, sensor.WaitForExit(Wait));
            logs.Add((capture, events));
        }
        var expected = CountFromEventLogs(logs.Select(l => (l.Capture.Agency, l.Events))).ToDictionary(e => (e.Agency, e.Category), e => e.Figures);
        var alertLines = logs.Sum(l => File.ReadLines(l.Events).Count(line => line.Contains("\"type\":\"alert\"", StringComparison.Ordinal)));
        await Eventually.TrueAsync(() => collector.Received.Count >= alertLines, Wait, $"{alertLines} alert messages (alerts and count updates) at the collector");

        var database = Path.Combine(_work.FullName, "incident.db");
        using (var store = IncidentStore.Open(database))
        using (var writer = new StoreWriter(store))
        {
            var batch = new IncomingBatch();
            foreach (var message in collector.Received)
                batch.Alerts.Add(Incoming(message.Payload));
            writer.Write(batch);
        }
        var report = ToolRun.Run("dotnet", _work.FullName, TimeSpan.FromMinutes(1), "exec", Edgectl, "report", "--half", "2026-H2", "--format", "csv", "--store", database);
        Assert.True(report.ExitCode == 0, report.Output);

        var rows = report.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')).ToList();
        Assert.Equal(2 * 11, rows.Count);
        foreach (var row in rows)
        {
            var figures = expected.GetValueOrDefault((row[2], row[3]), "0,0,0,0,0");
            Assert.Equal($"{row[2]},{row[3]},{figures}", string.Join(',', row[2..]));
        }
        Assert.True(expected.Count >= 15, $"{expected.Count} agency and category pairs with alerts: the captures should cover most categories");
        Assert.Equal(expected.Keys.Order(), rows.Where(r => r[4] != "0").Select(r => (r[2], r[3])).Order());
    }

    /// <summary>The test's own count: per alert id its agency (the sensor's), category, indicator, host
    /// (src_ip), the day of its first sighting (UTC) and its highest count, from the event logs' alert lines.</summary>
    private static IEnumerable<(string Agency, string Category, string Figures)> CountFromEventLogs(IEnumerable<(string Agency, string Path)> logs)
    {
        var alerts = new Dictionary<string, (string Agency, string Category, string Indicator, string Host, string Day, long Count)>(StringComparer.Ordinal);
        foreach (var (agency, line) in logs.SelectMany(l => File.ReadLines(l.Path).Select(line => (l.Agency, line))))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.GetProperty("type").GetString() != "alert")
                continue;
            var alert = root.GetProperty("alert");
            var id = alert.GetProperty("id").GetString()!;
            var count = alert.GetProperty("count").GetInt64();
            var day = alert.GetProperty("first_seen").GetString()![..10];
            alerts[id] = alerts.TryGetValue(id, out var seen)
                ? seen with { Count = Math.Max(seen.Count, count) }
                : (agency, alert.GetProperty("category").GetString()!, alert.GetProperty("indicator").GetString()!, root.GetProperty("src_ip").GetString()!, day, count);
        }
        foreach (var category in alerts.Values.GroupBy(a => (a.Agency, a.Category)))
        {
            var figures = string.Join(',',
                category.Count(),
                category.Select(a => a.Indicator).Distinct().Count(),
                category.Select(a => a.Host).Distinct().Count(),
                category.Select(a => (a.Host, a.Indicator, a.Day)).Distinct().Count(),
                category.Sum(a => a.Count));
            yield return (category.Key.Agency, category.Key.Category, figures);
        }
    }

    private static IncomingAlert Incoming(string payload)
    {
        var message = JsonSerializer.Deserialize(payload, UplinkJsonContext.Default.AlertMessage)!;
        return new IncomingAlert(message, payload, Ms(message.FirstSeen), Ms(message.LastSeen), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    private static long Ms(string time) => DateTimeOffset.Parse(time, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    private static string Edgectl => Path.Combine(AppContext.BaseDirectory, "edgectl.dll");

    private Dictionary<string, string> Environment(int port, Capture capture) => new()
    {
        ["Edge__Uplink__Broker"] = $"mqtt://127.0.0.1:{port}",
        ["Edge__Sensor__Agency"] = capture.Agency,
        ["Edge__Sensor__Id"] = capture.Sensor,
        ["Edge__Sensor__StateDirectory"] = Path.Combine(_work.FullName, "state-" + capture.Sensor),
    };
}
