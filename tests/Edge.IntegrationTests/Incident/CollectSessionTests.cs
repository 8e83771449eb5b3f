using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Incident;

/// <summary>The collector's persistent session against a real mosquitto: a collector killed with
/// SIGKILL in the middle of a stream, and started again with its client id, loses nothing: what it
/// had received but not committed was never acknowledged, and what the broker routed to it while it
/// was away waited in its session.</summary>
public sealed class CollectSessionTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("edge-collect-session-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
    }

    [Fact]
    public async Task A_collector_killed_mid_stream_and_started_again_loses_nothing()
    {
        MosquittoProcess.RequireInstalled();
        await using var broker = await MosquittoProcess.StartAsync();
        var store = Path.Combine(_work.FullName, "incident.db");
        // Big slow batches: the victim holds many received, uncommitted, unacknowledged messages when it dies.
        string[] victimArgs = ["--broker", broker.Url, "--store", store, "--client-id", "victim", "--batch", "400", "--flush-ms", "1500"];
        var victim = await CollectorProcess.StartAsync(victimArgs);
        using var survivor = await CollectorProcess.StartAsync("--broker", broker.Url, "--store", store, "--client-id", "survivor", "--batch", "50", "--flush-ms", "50");
        var publisher = await CollectedStore.PublisherAsync(broker.Port, "sensors");
        const int total = 3000;
        CollectorProcess? restarted = null;
        try
        {
            for (var sent = 0; sent < total; sent += 50)
            {
                // 50 at a time from three sensors, a round every 30 ms: about 1,600 alerts/s for two seconds.
                await Task.WhenAll(Enumerable.Range(sent, 50).Select(n =>
                    publisher.PublishAsync(CollectedStore.Alert("town-a", $"gw-{n % 3}", n), TestContext.Current.CancellationToken)));
                if (sent == 800)
                {
                    victim.KillHard();
                    Assert.DoesNotContain("alerts stored", victim.Output, StringComparison.Ordinal);
                }
                if (sent == 2000)
                    restarted = await CollectorProcess.StartAsync(victimArgs);
                await Task.Delay(30, TestContext.Current.CancellationToken);
            }

            await Eventually.TrueAsync(() => CollectedStore.Scalar(store, "SELECT COUNT(*) FROM alerts") >= total, Wait, $"{total} alerts in the store");
            Assert.NotNull(restarted);
            Assert.Equal(0, restarted.Terminate());
            Assert.Equal(0, survivor.Terminate());
        }
        finally
        {
            publisher.Dispose();
            victim.Dispose();
            restarted?.Dispose();
        }

        Assert.Contains("(session resumed)", restarted.Output, StringComparison.Ordinal);
        var ids = CollectedStore.Rows(store, "SELECT id FROM alerts").Select(r => r[0]).ToHashSet();
        Assert.Equal(Enumerable.Range(0, total).Select(CollectedStore.Id).ToHashSet(), ids);
        var (restartedNew, _, _) = restarted.Totals();
        var (survivorNew, _, _) = survivor.Totals();
        Assert.True(restartedNew > 0, "the restarted collector got nothing from its session");
        // What the victim had committed before it died is in the store but in no one's totals.
        Assert.True(restartedNew + survivorNew <= total);
        Assert.Equal(0, CollectedStore.Scalar(store, "SELECT COUNT(*) FROM rejects"));
    }

    [Fact]
    public async Task After_the_broker_dies_the_collector_reconnects_and_collects_again()
    {
        MosquittoProcess.RequireInstalled();
        await using var broker = await MosquittoProcess.StartAsync();
        var store = Path.Combine(_work.FullName, "incident.db");
        using var collector = await CollectorProcess.StartAsync("--broker", broker.Url, "--store", store, "--client-id", "c1", "--flush-ms", "50");
        using (var before = await CollectedStore.PublisherAsync(broker.Port, "sensor-before"))
            await before.PublishAsync(CollectedStore.Alert("town-a", "gw-1", 1), TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => CollectedStore.Scalar(store, "SELECT COUNT(*) FROM alerts") == 1, Wait, "the first alert stored");

        string Said() => $"collector:\n{collector.Output}\nmosquitto:\n{broker.Log}";
        broker.KillHard();
        await Eventually.TrueAsync(() => collector.Output.Contains("trying again in", StringComparison.Ordinal), Wait, "the collector noticed", Said);
        await broker.RestartAsync();
        await Eventually.TrueAsync(() => collector.Connects >= 2, Wait, "the collector connected again", Said);
        using (var after = await CollectedStore.PublisherAsync(broker.Port, "sensor-after"))
            await after.PublishAsync(CollectedStore.Alert("town-a", "gw-1", 2), TestContext.Current.CancellationToken);

        await Eventually.TrueAsync(() => CollectedStore.Scalar(store, "SELECT COUNT(*) FROM alerts") == 2, Wait, "the alert after the restart stored", Said);
        // The test broker keeps nothing across a kill: the collector says its session was lost.
        Assert.Contains("the broker had lost this collector's session", collector.Output, StringComparison.Ordinal);
        Assert.Matches(@"mqtt: mqtt://127\.0\.0\.1:\d+: (the broker closed the connection|connection lost \(.*\)); trying again in [0-9.]+ s", collector.Output);
        Assert.Equal(0, collector.Terminate());
    }
}
