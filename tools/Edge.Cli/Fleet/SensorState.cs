namespace Edge.Cli.Fleet;

/// <summary>What is known of one sensor, from the store, the broker or both. Every field may be
/// missing: a sensor known only by an alert has no status and no heartbeat yet.</summary>
public sealed record SensorState(string Agency, string Sensor)
{
    /// <summary>The latest retained status: true for the birth, false for the Last Will or a clean
    /// stop; null when no status was ever seen.</summary>
    public bool? Online { get; init; }

    /// <summary>When that status was taken (store: its time; broker: when it arrived).</summary>
    public DateTimeOffset? StatusAt { get; init; }

    public string? Version { get; init; }

    public string? IntelVersion { get; init; }

    public string? Board { get; init; }

    /// <summary>The LED state from the last heartbeat (monitoring, alert, uplink-down, fault …).</summary>
    public string? State { get; init; }

    public DateTimeOffset? HeartbeatAt { get; init; }

    public long? UptimeSeconds { get; init; }

    public long? OutboxDepth { get; init; }

    /// <summary>Packets the capture lost (the heartbeat's <c>drops</c>).</summary>
    public long? Drops { get; init; }

    public double? TemperatureC { get; init; }

    public DateTimeOffset? LastAlertAt { get; init; }

    /// <summary>Since when anyone has been listening for this sensor: the store's first word from it,
    /// or the start of the broker listen.</summary>
    public DateTimeOffset? ObservedSince { get; init; }

    public string Name => $"{Agency}/{Sensor}";
}
