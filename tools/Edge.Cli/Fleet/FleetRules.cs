using Edge.Cli.Broker;

namespace Edge.Cli.Fleet;

/// <summary>Online, silent or offline, from the retained status and the heartbeat age.</summary>
/// <param name="SilentAfter">A heartbeat older than this makes a sensor silent.</param>
/// <param name="UnheardLimit">How long a sensor may be watched without any heartbeat before it is
/// silent: the threshold itself for the store; for a broker listen, one heartbeat period (a listen
/// that long hears every live sensor once).</param>
public sealed record FleetRules(TimeSpan SilentAfter, TimeSpan UnheardLimit)
{
    /// <summary>How often sensors send a heartbeat by default (<c>Edge:Uplink:HeartbeatSeconds</c>).</summary>
    public static readonly TimeSpan HeartbeatPeriod = TimeSpan.FromSeconds(60);

    public FleetRow Evaluate(SensorState sensor, DateTimeOffset now)
    {
        var heartbeatAge = now - sensor.HeartbeatAt;
        var lastAlertAge = now - sensor.LastAlertAt;
        var heartbeatAfterStatus = sensor.HeartbeatAt is { } beat && sensor.StatusAt is { } status && beat > status;
        if (sensor.Online == false && !heartbeatAfterStatus)
            return new FleetRow(sensor, SensorHealth.Offline, "offline (Last Will or clean stop)", heartbeatAge, lastAlertAge);
        if (heartbeatAge is { } age)
        {
            return age > SilentAfter
                ? new FleetRow(sensor, SensorHealth.Silent, $"no heartbeat for {DurationText.Format(age)}", heartbeatAge, lastAlertAge)
                : new FleetRow(sensor, SensorHealth.Online, sensor.Online == true ? "online" : "heartbeat, no status seen", heartbeatAge, lastAlertAge);
        }
        var watched = now - sensor.ObservedSince;
        if (watched >= UnheardLimit)
            return new FleetRow(sensor, SensorHealth.Silent, $"no heartbeat heard in {DurationText.Format(watched.Value)}", null, lastAlertAge);
        return new FleetRow(sensor, SensorHealth.Online, sensor.Online == true ? "online (no heartbeat heard yet)" : "no status or heartbeat seen yet",
            null, lastAlertAge);
    }

    public IReadOnlyList<FleetRow> Evaluate(IEnumerable<SensorState> sensors, DateTimeOffset now) =>
        [.. sensors.OrderBy(s => s.Agency, StringComparer.Ordinal).ThenBy(s => s.Sensor, StringComparer.Ordinal).Select(s => Evaluate(s, now))];
}
