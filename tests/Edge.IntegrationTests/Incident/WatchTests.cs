using System.Text.Json;
using System.Text.RegularExpressions;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.IntegrationTests.Service;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Incident;

/// <summary><c>edgectl watch</c> as processes beside a real mosquitto while <c>edge-service replay
/// --publish</c> sends the bundled capture's alerts: each watcher prints exactly the alerts its
/// filters let through, stops on Ctrl+C with exit 0.</summary>
public sealed partial class WatchTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private const string Root = "edge/v1/town-a/gw-1";
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("edge-watch-");

    public void Dispose() => _state.Delete(recursive: true);

    [Fact]
    public async Task Watchers_print_the_replayed_alerts_their_filters_let_through_and_stop_on_ctrl_c()
    {
        await using var broker = await MosquittoProcess.StartAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync("127.0.0.1", broker.Port, "reference", filters: "edge/v1/+/+/alert/#");
        using var cnc = Edgectl.Start("watch", "--broker", broker.Url, "--json", "--category", "cnc");
        using var severe = Edgectl.Start("watch", "--broker", broker.Url, "--json", "--category", "mining", "--category", "phishing", "--min-severity", "high");
        using var people = Edgectl.Start("watch", "--broker", broker.Url, "--agency", "town-a");
        await Eventually.TrueAsync(() => SubAcks(broker) >= 4, Wait, $"three watchers subscribed\n{broker.Log}");

        using var replay = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["Edge__Uplink__Broker"] = broker.Url,
            ["Edge__Sensor__Agency"] = "town-a",
            ["Edge__Sensor__Id"] = "gw-1",
            ["Edge__Sensor__StateDirectory"] = _state.FullName,
        }, "replay", "--no-progress", "--publish");
        Assert.Equal(0, replay.WaitForExit(Wait));
        await subscriber.PublishAsync(Root + "/alert/cnc", "{\"not\":\"an alert\"}");

        var all = subscriber.Received.Where(m => m.Topic.Contains("/alert/", StringComparison.Ordinal)).ToList();
        await Eventually.TrueAsync(() => subscriber.Received.Count(m => m.Topic.Contains("/alert/", StringComparison.Ordinal)) >= all.Count, Wait, "the reference");
        var alerts = all.Where(m => m.Payload.Contains("edge.alert/1", StringComparison.Ordinal)).ToList();
        var expectedCnc = alerts.Where(m => Field(m.Payload, "category") == "cnc").Select(m => m.Payload).ToList();
        var expectedSevere = alerts.Where(m => Field(m.Payload, "category") is "mining" or "phishing" && Field(m.Payload, "severity") is "high" or "critical")
            .Select(m => m.Payload).ToList();
        Assert.True(alerts.Count >= 23, $"{alerts.Count} alerts replayed");
        Assert.NotEmpty(expectedCnc);
        Assert.NotEmpty(expectedSevere);
        Assert.True(expectedSevere.Count < alerts.Count(m => Field(m.Payload, "category") is "mining" or "phishing"), "the severity filter has something to drop");

        await Eventually.TrueAsync(() => cnc.Lines.Length >= expectedCnc.Count && cnc.Stderr.Contains("skipped 1 message", StringComparison.Ordinal),
            Wait, $"the cnc watcher's lines\n{cnc.Stdout}\n{cnc.Stderr}");
        await Eventually.TrueAsync(() => severe.Lines.Length >= expectedSevere.Count, Wait, $"the severe watcher's lines\n{severe.Stdout}");
        await Eventually.TrueAsync(() => people.Lines.Length >= alerts.Count + 1, Wait, $"the people watcher's lines\n{people.Stdout}");
        await Task.Delay(300, TestContext.Current.CancellationToken);

        Assert.Equal(0, cnc.Interrupt(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, severe.Interrupt(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, people.Interrupt(TimeSpan.FromSeconds(10)));

        Assert.Equal(expectedCnc, cnc.Lines);
        Assert.Equal(expectedSevere, severe.Lines);
        foreach (var watcher in new[] { cnc, severe, people })
            Assert.DoesNotContain("\u001b", watcher.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 message(s) skipped in all", cnc.Stderr, StringComparison.Ordinal);
        Assert.Equal(alerts.Count, people.Lines.Count(l => l.Contains("  town-a/gw-1  ", StringComparison.Ordinal)));
        Assert.Contains(people.Lines, l => l.StartsWith($"skipped a message on {Root}/alert/cnc: ", StringComparison.Ordinal));
        Assert.Contains(people.Lines, l => WannaCryLine().IsMatch(l));
    }

    private static int SubAcks(MosquittoProcess broker) => SubAck().Count(broker.Log);

    private static string? Field(string payload, string name)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }

    [GeneratedRegex("Sending SUBACK to (edgectl-watch-|reference)")]
    private static partial Regex SubAck();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ  town-a/gw-1  CRITICAL wannacry +iuqerfsodp9ifjaposdfjhgosurijfaewrwergwea\.com  10\.77\.0\.41:\d+ → 192\.0\.2\.53:53 UDP  WannaCry kill-switch lookup \(edge\.wannacry\.killswitch\)  ")]
    private static partial Regex WannaCryLine();
}
