namespace Edge.Service.Status;

/// <summary>Everything the status page and <c>/metrics</c> show, taken at one moment. Counters are
/// totals since the service started.</summary>
public sealed record StatusSnapshot
{
    public required string Agency { get; init; }
    public required string Sensor { get; init; }
    public required string Version { get; init; }
    public required string Board { get; init; }
    public required bool SimulatedGpio { get; init; }
    public required DateTimeOffset Started { get; init; }
    public required DateTimeOffset Now { get; init; }

    /// <summary>booting, monitoring, warning, uplink-down, alert, fault, flashing.</summary>
    public required string State { get; init; }
    public required string Reason { get; init; }

    /// <summary>The lamps lit (e.g. "Green", "Red, Amber", "None") and their pattern.</summary>
    public required string LedLights { get; init; }
    public required string LedPattern { get; init; }
    public required bool AlertSilenced { get; init; }

    public required CaptureStatus Capture { get; init; }
    public required UplinkStatus Uplink { get; init; }
    public required AlertStatus Alerts { get; init; }

    /// <summary>The DNS forwarder's totals, where it runs (<c>Edge:Dns:Enabled</c>).</summary>
    public Edge.Uplink.Messages.HeartbeatDnsForwarder? DnsForwarder { get; init; }

    /// <summary>The gateway's block sets, in gateway mode.</summary>
    public Edge.Uplink.Messages.HeartbeatBlocking? Blocking { get; init; }

    /// <summary>CPU temperature, null where the board reports none.</summary>
    public double? TemperatureCelsius { get; init; }

    /// <summary>Newest first, at most 20.</summary>
    public required IReadOnlyList<RecentAlert> RecentAlerts { get; init; }
}

public sealed record CaptureStatus
{
    /// <summary>"interface eth1", "file lan-sample.pcap".</summary>
    public required string Source { get; init; }
    public required bool Running { get; init; }
    public string? Error { get; init; }
    public long Packets { get; init; }
    public long Bytes { get; init; }
    /// <summary>Frames the pipeline could not take (its queue full).</summary>
    public long Drops { get; init; }
    /// <summary>libpcap's ps_drop: the kernel buffer overflowed.</summary>
    public long KernelDrops { get; init; }
    /// <summary>libpcap's ps_ifdrop: the interface or driver dropped.</summary>
    public long InterfaceDrops { get; init; }
    public long DecodeErrors { get; init; }
    public long Flows { get; init; }
    public long DnsMessages { get; init; }
}

public sealed record UplinkStatus
{
    /// <summary>"mqtts://broker:8883" or "embedded 127.0.0.1:port".</summary>
    public required string Broker { get; init; }
    public required bool Connected { get; init; }
    public DateTimeOffset? LastConnected { get; init; }
    public long Connects { get; init; }
    public long Sent { get; init; }
    public long Pending { get; init; }
    public long Dropped { get; init; }
    public long OutboxBytes { get; init; }
    public string? LastError { get; init; }
}

public sealed record AlertStatus
{
    public long Raised { get; init; }
    public long Suppressed { get; init; }
    public long RateLimited { get; init; }
    public long Open { get; init; }
    /// <summary>critical, high, medium, low, info, or null when none is open.</summary>
    public string? HighestOpen { get; init; }
}

public sealed record RecentAlert
{
    public required string Id { get; init; }
    public required DateTimeOffset Time { get; init; }
    public required string Severity { get; init; }
    public required string Category { get; init; }
    public required string Rule { get; init; }
    public required string Client { get; init; }
    public required string Indicator { get; init; }
    public required bool Acknowledged { get; init; }
}
