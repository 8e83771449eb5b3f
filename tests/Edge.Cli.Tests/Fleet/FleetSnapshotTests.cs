using Edge.Cli.Fleet;
using Edge.Uplink.Messages;

namespace Edge.Cli.Tests.Fleet;

public sealed class FleetSnapshotTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    internal static HeartbeatMessage Heartbeat(long depth = 4, long drops = 2, string? intel = null) => new()
    {
        Ts = "2026-06-01T12:00:00.000Z",
        UptimeSeconds = 120,
        Drops = drops,
        Alerts = new HeartbeatAlerts(1, 1, 0, 0, 0, 0),
        Outbox = new HeartbeatOutbox(depth, 100, 0, 0),
        State = "alert",
        CpuTemperatureC = 48.5,
        IntelVersion = intel,
    };

    [Fact]
    public void A_birth_then_a_heartbeat_give_version_board_figures_and_state()
    {
        var snapshot = new FleetSnapshot(Start);

        snapshot.Status("town-a", "gw-1", new StatusMessage { State = "online", Version = "2.1.0", Board = "raspberry-pi-4", IntelVersion = "i-7" }, Start);
        snapshot.Heartbeat("town-a", "gw-1", Heartbeat(), Start.AddSeconds(5));

        var sensor = Assert.Single(snapshot.Sensors);
        Assert.Equal((true, "2.1.0", "raspberry-pi-4", "i-7"), (sensor.Online, sensor.Version, sensor.Board, sensor.IntelVersion));
        Assert.Equal((4L, 2L, 48.5, "alert"), (sensor.OutboxDepth!.Value, sensor.Drops!.Value, sensor.TemperatureC!.Value, sensor.State));
        Assert.Equal(Start.AddSeconds(5), sensor.HeartbeatAt);
        Assert.Equal(Start, sensor.ObservedSince);
    }

    [Fact]
    public void The_Last_Will_keeps_what_the_birth_said_and_marks_it_offline()
    {
        var snapshot = new FleetSnapshot(Start);
        snapshot.Status("town-a", "gw-1", new StatusMessage { State = "online", Version = "2.1.0" }, Start);

        snapshot.Status("town-a", "gw-1", new StatusMessage { State = "offline" }, Start.AddSeconds(9));

        var sensor = Assert.Single(snapshot.Sensors);
        Assert.Equal((false, "2.1.0", Start.AddSeconds(9)), (sensor.Online, sensor.Version, sensor.StatusAt));
    }

    [Fact]
    public void Merged_the_broker_status_wins_the_newer_heartbeat_wins_and_the_store_keeps_the_last_alert()
    {
        var stored = new SensorState("town-a", "gw-1")
        {
            Online = true, StatusAt = Start.AddHours(-3), Version = "2.0.0", HeartbeatAt = Start.AddMinutes(-10), OutboxDepth = 50,
            LastAlertAt = Start.AddHours(-1), ObservedSince = Start.AddDays(-30),
        };
        var onlyStored = new SensorState("town-a", "gw-2") { Online = true, HeartbeatAt = Start.AddMinutes(-1) };
        var live = new SensorState("town-a", "gw-1") { Online = false, StatusAt = Start, HeartbeatAt = null, ObservedSince = Start };
        var onlyLive = new SensorState("town-b", "gw-9") { Online = true, StatusAt = Start, ObservedSince = Start };

        var merged = FleetSnapshot.Merge([stored, onlyStored], [live, onlyLive]).ToDictionary(s => s.Name);

        var gw1 = merged["town-a/gw-1"];
        Assert.Equal((false, Start), (gw1.Online, gw1.StatusAt!.Value));
        Assert.Equal(("2.0.0", 50L, Start.AddMinutes(-10)), (gw1.Version, gw1.OutboxDepth!.Value, gw1.HeartbeatAt!.Value));
        Assert.Equal(Start.AddHours(-1), gw1.LastAlertAt);
        Assert.Equal(Start.AddDays(-30), gw1.ObservedSince);
        Assert.Same(onlyStored, merged["town-a/gw-2"]);
        Assert.Same(onlyLive, merged["town-b/gw-9"]);
    }

    [Fact]
    public void Merged_a_heartbeat_heard_live_replaces_the_stored_figures()
    {
        var stored = new SensorState("town-a", "gw-1") { Online = true, HeartbeatAt = Start.AddMinutes(-10), OutboxDepth = 50, Drops = 1 };
        var live = new SensorState("town-a", "gw-1") { HeartbeatAt = Start, OutboxDepth = 0, Drops = 7, State = "monitoring" };

        var merged = Assert.Single(FleetSnapshot.Merge([stored], [live]));

        Assert.Equal((true, Start, 0L, 7L, "monitoring"), (merged.Online, merged.HeartbeatAt!.Value, merged.OutboxDepth!.Value, merged.Drops!.Value, merged.State));
    }
}
