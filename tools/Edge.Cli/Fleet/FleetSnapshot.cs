using Edge.Uplink.Messages;

namespace Edge.Cli.Fleet;

/// <summary>The fleet as heard on the broker, one <see cref="SensorState"/> per sensor, updated by
/// each status and heartbeat in arrival order; and the merge with the store's view.</summary>
public sealed class FleetSnapshot(DateTimeOffset listenStarted)
{
    private readonly Dictionary<(string, string), SensorState> _sensors = [];

    public IReadOnlyCollection<SensorState> Sensors => _sensors.Values;

    public void Status(string agency, string sensor, StatusMessage status, DateTimeOffset receivedAt)
    {
        var known = Get(agency, sensor);
        _sensors[(agency, sensor)] = status.State == StatusMessage.Online
            ? known with
            {
                Online = true,
                StatusAt = receivedAt,
                Version = status.Version,
                IntelVersion = status.IntelVersion ?? known.IntelVersion,
                Board = status.Board,
            }
            : known with { Online = false, StatusAt = receivedAt };
    }

    public void Heartbeat(string agency, string sensor, HeartbeatMessage heartbeat, DateTimeOffset receivedAt)
    {
        var known = Get(agency, sensor);
        _sensors[(agency, sensor)] = known with
        {
            HeartbeatAt = receivedAt,
            UptimeSeconds = heartbeat.UptimeSeconds,
            OutboxDepth = heartbeat.Outbox?.Depth,
            Drops = heartbeat.Drops,
            TemperatureC = heartbeat.CpuTemperatureC,
            State = heartbeat.State,
            IntelVersion = heartbeat.IntelVersion ?? known.IntelVersion,
        };
    }

    private SensorState Get(string agency, string sensor) =>
        _sensors.TryGetValue((agency, sensor), out var known) ? known : new SensorState(agency, sensor) { ObservedSince = listenStarted };

    /// <summary>The store's history with the broker's live word on top: the broker's retained status
    /// is the current one, the newer heartbeat wins, the rest comes from whichever has it.</summary>
    public static IReadOnlyList<SensorState> Merge(IEnumerable<SensorState> store, IEnumerable<SensorState> broker)
    {
        var merged = store.ToDictionary(s => (s.Agency, s.Sensor));
        foreach (var live in broker)
        {
            if (!merged.TryGetValue((live.Agency, live.Sensor), out var stored))
            {
                merged[(live.Agency, live.Sensor)] = live;
                continue;
            }
            var liveBeat = live.HeartbeatAt is { } l && (stored.HeartbeatAt is not { } s || l > s);
            var beat = liveBeat ? live : stored;
            merged[(live.Agency, live.Sensor)] = stored with
            {
                Online = live.Online ?? stored.Online,
                StatusAt = live.Online is null ? stored.StatusAt : live.StatusAt,
                Version = live.Version ?? stored.Version,
                Board = live.Board ?? stored.Board,
                IntelVersion = beat.IntelVersion ?? live.IntelVersion ?? stored.IntelVersion,
                HeartbeatAt = beat.HeartbeatAt,
                UptimeSeconds = beat.UptimeSeconds,
                OutboxDepth = beat.OutboxDepth,
                Drops = beat.Drops,
                TemperatureC = beat.TemperatureC,
                State = beat.State,
                ObservedSince = Earliest(stored.ObservedSince, live.ObservedSince),
            };
        }
        return [.. merged.Values];
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
