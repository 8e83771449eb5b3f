using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Incident;

/// <summary>Whatever else arrives on the collector's topics, against a real mosquitto: malformed and
/// foreign payloads are counted and stored aside as rejects with their reason and bytes, and the
/// collector goes on storing alerts; it stops on SIGTERM with exit code 0.</summary>
public sealed class CollectRejectTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("edge-collect-rejects-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
    }

    [Fact]
    public async Task Malformed_and_foreign_payloads_become_rejects_and_the_collector_keeps_collecting()
    {
        MosquittoProcess.RequireInstalled();
        await using var broker = await MosquittoProcess.StartAsync();
        var store = Path.Combine(_work.FullName, "incident.db");
        using var publisher = await CollectedStore.PublisherAsync(broker.Port, "mixed");
        // Retained before any collector exists: the status subscription is not shared, so it arrives.
        await publisher.PublishAsync(CollectedStore.Message("edge/v1/town-a/gw-1/status",
            """{"schema":"edge.status/1","state":"online","version":"2.1.0","ts":"2026-04-01T09:00:00Z"}""", retain: true), TestContext.Current.CancellationToken);
        using var collector = await CollectorProcess.StartAsync("--broker", broker.Url, "--store", store, "--client-id", "c1", "--flush-ms", "50");

        var oversized = new byte[70_000];
        Array.Fill(oversized, (byte)'{');
        var mismatched = CollectedStore.Alert("town-b", "gw-1", 2);
        mismatched.Topic = "edge/v1/town-a/gw-1/alert/cnc";
        var bad = new[]
        {
            CollectedStore.Message("edge/v1/town-a/gw-1/alert/cnc", "not json at all"),
            CollectedStore.Message("edge/v1/town-a/gw-1/alert/cnc", """{"temperature":21.5,"unit":"C"}"""),
            CollectedStore.Message("edge/v1/town-a/gw-1/heartbeat", [0xFF, 0x00, 0xFE, 0x7B]),
            mismatched,
            CollectedStore.Message("edge/v1/town-a/gw-1/alert/cnc", oversized),
            CollectedStore.Message("edge/v1/town-a/gw-1/status", """{"schema":"edge.status/1","state":"asleep"}"""),
            CollectedStore.Message("edge/v1/Town-A/gw-1/alert/cnc", """{"schema":"edge.alert/1"}"""),
        };
        foreach (var message in bad)
            await publisher.PublishAsync(message, TestContext.Current.CancellationToken);
        await publisher.PublishAsync(CollectedStore.Alert("town-a", "gw-1", 1), TestContext.Current.CancellationToken);

        await Eventually.TrueAsync(() => CollectedStore.Scalar(store, "SELECT COUNT(*) FROM alerts") == 1
            && CollectedStore.Scalar(store, "SELECT COUNT(*) FROM rejects") == bad.Length, Wait, "the alert and every reject in the store");
        Assert.False(collector.HasExited);
        var rejects = CollectedStore.Rows(store, "SELECT topic, reason, length(payload) FROM rejects ORDER BY id");
        Assert.Contains(rejects, r => r[1].StartsWith("not JSON", StringComparison.Ordinal));
        Assert.Contains(rejects, r => r[1] == "no schema field: not an Edge message");
        Assert.Contains(rejects, r => r[0].EndsWith("/heartbeat", StringComparison.Ordinal) && r[2] == "4");
        Assert.Contains(rejects, r => r[1] == "agency 'town-b' is not the topic's 'town-a'");
        Assert.Contains(rejects, r => r[1].StartsWith("too large: 70000 bytes", StringComparison.Ordinal) && r[2] == "65536");
        Assert.Contains(rejects, r => r[1] == "state 'asleep' is not online or offline");
        Assert.Contains(rejects, r => r[0] == "edge/v1/Town-A/gw-1/alert/cnc" && r[1].StartsWith("topic:", StringComparison.Ordinal));
        Assert.Equal("1 2.1.0", string.Join(' ', CollectedStore.Rows(store, "SELECT online, version FROM sensors WHERE agency = 'town-a' AND sensor = 'gw-1'").Single()));

        Assert.Equal(0, collector.Terminate());
        Assert.Equal((1L, 0L, (long)bad.Length), collector.Totals());
        Assert.Contains("everything received committed and acknowledged", collector.Output, StringComparison.Ordinal);
    }
}
