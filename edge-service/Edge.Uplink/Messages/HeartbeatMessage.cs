namespace Edge.Uplink.Messages;

/// <summary>Every N seconds on <c>…/heartbeat</c> (QoS 0): the counters that say whether a sensor
/// is healthy. Counters are totals since the service started; outbox figures are its current state. Schema <c>edge.heartbeat/1</c>
/// (<c>Schemas/edge.heartbeat.v1.schema.json</c>).</summary>
public sealed class HeartbeatMessage
{
    public const string SchemaName = "edge.heartbeat/1";

    public string Schema { get; init; } = SchemaName;
    public required string Ts { get; init; }
    public required long UptimeSeconds { get; init; }
    public long Packets { get; init; }
    /// <summary>Packets the capture lost (kernel and interface drops).</summary>
    public long Drops { get; init; }
    public long DecodeErrors { get; init; }
    public long Flows { get; init; }
    public long Dns { get; init; }
    public required HeartbeatAlerts Alerts { get; init; }
    public required HeartbeatOutbox Outbox { get; init; }
    /// <summary>Live capture only: the kernel's and the interface's drop counts.</summary>
    public HeartbeatCapture? Capture { get; init; }
    /// <summary>The LED state: booting, monitoring, warning, uplink-down, alert, fault, flashing.</summary>
    public string? State { get; init; }
    public double? CpuTemperatureC { get; init; }
    public string? IntelVersion { get; init; }
    /// <summary>Where the sensor is the LAN's DNS forwarder: its totals and its upstreams' health.</summary>
    public HeartbeatDnsForwarder? DnsForwarder { get; init; }
    /// <summary>Where the sensor blocks addresses as the LAN's gateway: the nftables sets and their drops.</summary>
    public HeartbeatBlocking? Blocking { get; init; }
}

public sealed record HeartbeatAlerts(long Raised, long Sent, long Pending, long Dropped, long Suppressed, long RateLimited);

public sealed record HeartbeatOutbox(long Depth, long Bytes, long Dropped, long Refused);

public sealed record HeartbeatCapture(long KernelDrops, long InterfaceDrops);

/// <param name="FromCache">Answered from the cache.</param>
/// <param name="Blocked">Answered by policy (sinkholed).</param>
/// <param name="UpstreamsUp">Upstreams healthy now, of <paramref name="Upstreams"/>.</param>
/// <param name="Unobserved">Exchanges the detectors and the event log never saw (their queue was full).</param>
public sealed record HeartbeatDnsForwarder(long Queries, long FromCache, long Blocked, long ServFail, long Dropped, int UpstreamsUp,
    int Upstreams, long Unobserved);

/// <param name="Networks">Networks in the block sets now.</param>
/// <param name="Dropped">Packets the gateway dropped (to or from a blocked network).</param>
/// <param name="Failures">Set updates nft refused.</param>
public sealed record HeartbeatBlocking(long Networks, long Attempts, long Dropped, long Failures);
