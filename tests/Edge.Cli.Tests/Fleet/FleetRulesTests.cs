using Edge.Cli.Fleet;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Cli.Tests.Fleet;

public sealed class FleetRulesTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private static readonly FleetRules Store = new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
    private static DateTimeOffset Now => Time.GetUtcNow();

    private static SensorState Sensor(bool? online, double? statusMinutesAgo, double? heartbeatMinutesAgo, double observedMinutesAgo = 600) =>
        new("town-a", "gw-1")
        {
            Online = online,
            StatusAt = statusMinutesAgo is { } s ? Now.AddMinutes(-s) : null,
            HeartbeatAt = heartbeatMinutesAgo is { } h ? Now.AddMinutes(-h) : null,
            ObservedSince = Now.AddMinutes(-observedMinutesAgo),
        };

    [Fact]
    public void Online_status_and_a_fresh_heartbeat_is_online()
    {
        var row = Store.Evaluate(Sensor(true, 60, 1), Now);

        Assert.Equal(SensorHealth.Online, row.Health);
        Assert.Equal(TimeSpan.FromMinutes(1), row.HeartbeatAge);
    }

    [Fact]
    public void A_heartbeat_older_than_the_threshold_is_silent_even_with_an_online_status()
    {
        var row = Store.Evaluate(Sensor(true, 60, 5.5), Now);

        Assert.Equal(SensorHealth.Silent, row.Health);
        Assert.Equal("no heartbeat for 5m30s", row.Reason);
    }

    [Fact]
    public void Exactly_at_the_threshold_is_still_online_and_a_second_later_silent()
    {
        var sensor = Sensor(true, 60, 5);

        Assert.Equal(SensorHealth.Online, Store.Evaluate(sensor, Now).Health);
        Assert.Equal(SensorHealth.Silent, Store.Evaluate(sensor, Now.AddSeconds(1)).Health);
    }

    [Fact]
    public void The_Last_Will_is_offline_whatever_the_age_of_the_heartbeat_before_it()
    {
        Assert.Equal(SensorHealth.Offline, Store.Evaluate(Sensor(false, 0.5, 1), Now).Health);
        Assert.Equal(SensorHealth.Offline, Store.Evaluate(Sensor(false, 30, 31), Now).Health);
        Assert.Equal(SensorHealth.Offline, Store.Evaluate(Sensor(false, 30, null), Now).Health);
    }

    [Fact]
    public void A_heartbeat_after_the_offline_status_means_the_sensor_is_back()
    {
        Assert.Equal(SensorHealth.Online, Store.Evaluate(Sensor(false, 3, 1), Now).Health);
        Assert.Equal(SensorHealth.Silent, Store.Evaluate(Sensor(false, 30, 20), Now).Health);
    }

    [Fact]
    public void Without_any_heartbeat_a_sensor_watched_longer_than_the_limit_is_silent()
    {
        Assert.Equal(SensorHealth.Silent, Store.Evaluate(Sensor(true, 60, null, observedMinutesAgo: 60), Now).Health);
        Assert.Equal(SensorHealth.Online, Store.Evaluate(Sensor(true, 1, null, observedMinutesAgo: 1), Now).Health);
    }

    [Fact]
    public void On_the_broker_a_sensor_unheard_for_a_whole_heartbeat_period_is_silent_a_shorter_listen_cannot_tell()
    {
        var broker = new FleetRules(TimeSpan.FromMinutes(5), FleetRules.HeartbeatPeriod);

        var longListen = broker.Evaluate(Sensor(true, 0, null, observedMinutesAgo: 65 / 60.0), Now);
        var shortListen = broker.Evaluate(Sensor(true, 0, null, observedMinutesAgo: 3 / 60.0), Now);

        Assert.Equal(SensorHealth.Silent, longListen.Health);
        Assert.Equal("no heartbeat heard in 1m5s", longListen.Reason);
        Assert.Equal(SensorHealth.Online, shortListen.Health);
    }

    [Fact]
    public void Rows_come_sorted_by_agency_then_sensor_with_the_age_of_the_last_alert()
    {
        var sensors = new[]
        {
            new SensorState("town-b", "gw-1") { Online = true, HeartbeatAt = Now, LastAlertAt = Now.AddHours(-2) },
            new SensorState("town-a", "gw-2") { Online = true, HeartbeatAt = Now },
            new SensorState("town-a", "gw-1") { Online = true, HeartbeatAt = Now },
        };

        var rows = Store.Evaluate(sensors, Now);

        Assert.Equal(["town-a/gw-1", "town-a/gw-2", "town-b/gw-1"], rows.Select(r => r.Sensor.Name));
        Assert.Equal(TimeSpan.FromHours(2), rows[2].LastAlertAge);
    }

    [Fact]
    public void As_time_passes_without_heartbeats_a_sensor_goes_from_online_to_silent()
    {
        var time = new FakeTimeProvider(Now);
        var sensor = Sensor(true, 10, 0);

        var before = Store.Evaluate(sensor, time.GetUtcNow());
        time.Advance(TimeSpan.FromMinutes(6));
        var after = Store.Evaluate(sensor, time.GetUtcNow());

        Assert.Equal(SensorHealth.Online, before.Health);
        Assert.Equal(SensorHealth.Silent, after.Health);
    }
}
