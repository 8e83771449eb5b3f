using System.Data.Common;
using System.Globalization;
using Edge.Cli.Store;

namespace Edge.Cli.Tests.Store;

public sealed class StoreWriterTests : IDisposable
{
    private readonly TempStore _temp = new();

    private IncidentStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Duplicates_and_count_updates_of_one_alert_id_make_one_row_with_the_highest_count()
    {
        using var writer = new StoreWriter(Store);
        var batch = new IncomingBatch();
        batch.Alerts.Add(StoreFixtures.Alert("01J0000000000000000000000A", count: 1));
        batch.Alerts.Add(StoreFixtures.Alert("01J0000000000000000000000A", count: 1));
        var first = writer.Write(batch);
        batch.Clear();
        batch.Alerts.Add(StoreFixtures.Alert("01J0000000000000000000000A", count: 7, lastMinutes: 5));
        batch.Alerts.Add(StoreFixtures.Alert("01J0000000000000000000000A", count: 3, lastMinutes: 2));
        var second = writer.Write(batch);

        Assert.Equal((1, 1), (first.NewAlerts, first.RepeatedAlerts));
        Assert.Equal((0, 2), (second.NewAlerts, second.RepeatedAlerts));
        Assert.Equal("1 7 4 " + StoreFixtures.Start.AddMinutes(5).ToUnixTimeMilliseconds(),
            Query("SELECT COUNT(*), MAX(count), MAX(deliveries), MAX(last_seen) FROM alerts"));
        Assert.Contains("\"count\":7", Query("SELECT payload FROM alerts"), StringComparison.Ordinal);
    }

    [Fact]
    public void Heartbeats_within_the_gap_extend_one_presence_interval_and_a_silence_starts_another()
    {
        using var writer = new StoreWriter(Store, TimeSpan.FromMinutes(2.5));
        var batch = new IncomingBatch();
        batch.Heartbeats.Add(StoreFixtures.Heartbeat(1, uptimeSeconds: 60));
        batch.Heartbeats.Add(StoreFixtures.Heartbeat(2, uptimeSeconds: 120));
        batch.Heartbeats.Add(StoreFixtures.Heartbeat(3, uptimeSeconds: 180));
        batch.Heartbeats.Add(StoreFixtures.Heartbeat(30, uptimeSeconds: 60));
        batch.Heartbeats.Add(StoreFixtures.Heartbeat(31, uptimeSeconds: 120));
        writer.Write(batch);

        var start = StoreFixtures.Start.ToUnixTimeMilliseconds();
        Assert.Equal($"{start} {start + 180_000}; {start + 29 * 60_000} {start + 31 * 60_000}",
            Query("SELECT start_ms, end_ms FROM presence ORDER BY start_ms"));
    }

    [Fact]
    public void An_older_status_never_overwrites_a_newer_one_and_offline_keeps_the_version()
    {
        using var writer = new StoreWriter(Store);
        var batch = new IncomingBatch();
        batch.Statuses.Add(StoreFixtures.Status("online", 10, version: "2.1.0"));
        batch.Statuses.Add(StoreFixtures.Status("online", 5, version: "2.0.0"));
        writer.Write(batch);
        Assert.Equal("1 2.1.0", Query("SELECT online, version FROM sensors"));

        batch.Clear();
        batch.Statuses.Add(StoreFixtures.Status("offline", 20));
        writer.Write(batch);
        Assert.Equal("0 2.1.0", Query("SELECT online, version FROM sensors"));
    }

    [Fact]
    public void Rejects_are_kept_with_their_bytes_and_reason()
    {
        using var writer = new StoreWriter(Store);
        var batch = new IncomingBatch();
        batch.Rejects.Add(new RejectedMessage("edge/v1/town-a/gw-1/alert/phishing", "not JSON", [0xFF, 0x00, 0x7B], 1));
        writer.Write(batch);
        Assert.Equal("edge/v1/town-a/gw-1/alert/phishing not JSON 3", Query("SELECT topic, reason, length(payload) FROM rejects"));
    }

    [Fact]
    public void Opening_again_migrates_nothing_twice()
    {
        using var again = IncidentStore.Open(Store.Description);
        Assert.Equal(StoreMigrations.All.Count.ToString(CultureInfo.InvariantCulture), Query("SELECT COUNT(*) FROM schema_migrations"));
    }

    private string Query(string sql) => _temp.Query(sql);
}
