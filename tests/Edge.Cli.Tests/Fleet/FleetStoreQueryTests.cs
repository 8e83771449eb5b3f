using Edge.Cli.Fleet;
using Edge.Cli.Store;
using Edge.Cli.Tests.Store;

namespace Edge.Cli.Tests.Fleet;

public sealed class FleetStoreQueryTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("edge-fleet-");

    public void Dispose() => _folder.Delete(recursive: true);

    private IncidentStore StoreWith(params Action<IncomingBatch>[] fill)
    {
        var store = IncidentStore.Open(Path.Combine(_folder.FullName, "incident.db"));
        using var writer = new StoreWriter(store);
        foreach (var add in fill)
        {
            var batch = new IncomingBatch();
            add(batch);
            writer.Write(batch);
        }
        return store;
    }

    [Fact]
    public void A_sensor_row_carries_status_heartbeat_figures_and_last_alert()
    {
        using var store = StoreWith(
            b => b.Statuses.Add(StoreFixtures.Status("online", 0, version: "2.1.0")),
            b => b.Heartbeats.Add(StoreFixtures.Heartbeat(10, 600)),
            b => b.Alerts.Add(StoreFixtures.Alert("01JX0000000000000000000001", minutes: 7)));

        var sensor = Assert.Single(FleetStoreQuery.Read(store));

        Assert.Equal(("town-a", "gw-1", true, "2.1.0"), (sensor.Agency, sensor.Sensor, sensor.Online, sensor.Version));
        Assert.Equal(StoreFixtures.Start.AddMinutes(10), sensor.HeartbeatAt);
        Assert.Equal((2L, 3L, 51.5, "monitoring", 600L), (sensor.OutboxDepth!.Value, sensor.Drops!.Value, sensor.TemperatureC!.Value, sensor.State, sensor.UptimeSeconds!.Value));
        Assert.Equal(StoreFixtures.Start.AddMinutes(7), sensor.LastAlertAt);
        Assert.Equal(StoreFixtures.Start, sensor.ObservedSince);
    }

    [Fact]
    public void A_sensor_known_only_by_an_alert_has_no_status_not_an_offline_one()
    {
        using var store = StoreWith(b => b.Alerts.Add(StoreFixtures.Alert("01JX0000000000000000000002", sensor: "gw-5")));

        var sensor = Assert.Single(FleetStoreQuery.Read(store));

        Assert.Null(sensor.Online);
        Assert.Null(sensor.HeartbeatAt);
    }

    [Fact]
    public void The_Last_Will_reads_as_offline_and_the_agency_filter_keeps_one_agency()
    {
        using var store = StoreWith(
            b => b.Statuses.Add(StoreFixtures.Status("online", 0)),
            b => b.Statuses.Add(StoreFixtures.Status("offline", 5)),
            b => b.Statuses.Add(StoreFixtures.Status("online", 1, agency: "town-b")));

        var townA = Assert.Single(FleetStoreQuery.Read(store, "town-a"));

        Assert.False(townA.Online);
        Assert.Equal("2.0.0", townA.Version);
        Assert.Equal(2, FleetStoreQuery.Read(store).Count);
    }
}
