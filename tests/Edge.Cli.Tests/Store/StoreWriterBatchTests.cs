using System.Globalization;
using Edge.Cli.Store;

namespace Edge.Cli.Tests.Store;

/// <summary>The batch paths of <see cref="StoreWriter"/> the collector leans on: alert rows inserted
/// many at a time, the sending sensors upserted once per batch.</summary>
public sealed class StoreWriterBatchTests : IDisposable
{
    private readonly TempStore _temp = new();

    private IncidentStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_sensor_keeps_its_first_heard_and_its_latest_alert_time_whatever_the_order_of_batches()
    {
        using var writer = new StoreWriter(Store);
        Write(writer, StoreFixtures.Alert("01J0000000000000000000000A", minutes: 10), StoreFixtures.Alert("01J0000000000000000000000B", minutes: 30),
            StoreFixtures.Alert("01J0000000000000000000000C", minutes: 20, sensor: "gw-2"));
        Write(writer, StoreFixtures.Alert("01J0000000000000000000000D", minutes: 5));

        var start = StoreFixtures.Start;
        Assert.Equal($"gw-1 {Ms(start.AddMinutes(10).AddSeconds(1))} {Ms(start.AddMinutes(30))}; gw-2 {Ms(start.AddMinutes(20).AddSeconds(1))} {Ms(start.AddMinutes(20))}",
            Query("SELECT sensor, first_heard, last_alert_at FROM sensors ORDER BY sensor"));
    }

    [Fact]
    public void Alerts_after_a_status_leave_the_status_columns_alone()
    {
        using var writer = new StoreWriter(Store);
        var batch = new IncomingBatch();
        batch.Statuses.Add(StoreFixtures.Status("online", 1, version: "2.0.0"));
        writer.Write(batch);
        Write(writer, StoreFixtures.Alert("01J0000000000000000000000A", minutes: 2));

        Assert.Equal("1 2.0.0", Query("SELECT online, version FROM sensors"));
    }

    [Fact]
    public void A_big_batch_with_repeats_inside_and_ids_stored_before_counts_each_id_once()
    {
        using var writer = new StoreWriter(Store);
        Write(writer, StoreFixtures.Alert(Id(3)), StoreFixtures.Alert(Id(700)));
        var batch = new IncomingBatch();
        for (var i = 0; i < 1200; i++)
            batch.Alerts.Add(StoreFixtures.Alert(Id(i), count: 1));
        batch.Alerts.Add(StoreFixtures.Alert(Id(5), count: 4, lastMinutes: 3));
        batch.Alerts.Add(StoreFixtures.Alert(Id(1100), count: 2));

        var result = writer.Write(batch);

        Assert.Equal((1198, 4), (result.NewAlerts, result.RepeatedAlerts));
        Assert.Equal("1200 1204", Query("SELECT COUNT(*), SUM(deliveries) FROM alerts"));
        Assert.Equal("4 2", Query($"SELECT count, deliveries FROM alerts WHERE id = '{Id(5)}'"));
        Assert.Equal("1 2", Query($"SELECT count, deliveries FROM alerts WHERE id = '{Id(700)}'"));
    }

    private static string Id(int n) => "01J" + n.ToString("D23", CultureInfo.InvariantCulture);

    private static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    private static void Write(StoreWriter writer, params IncomingAlert[] alerts)
    {
        var batch = new IncomingBatch();
        batch.Alerts.AddRange(alerts);
        writer.Write(batch);
    }

    private string Query(string sql) => _temp.Query(sql);
}
