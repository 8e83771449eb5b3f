namespace Edge.Uplink.Messages;

/// <summary>Retained on <c>…/status</c>: the birth message (<c>online</c>) and the Last Will
/// (<c>offline</c>, nothing else set), schema <c>edge.status/1</c>
/// (<c>Schemas/edge.status.v1.schema.json</c>).</summary>
public sealed class StatusMessage
{
    public const string Online = "online";
    public const string Offline = "offline";
    public const string SchemaName = "edge.status/1";

    public string Schema { get; init; } = SchemaName;
    public required string State { get; init; }
    public string? Version { get; init; }
    public string? Board { get; init; }
    public string? IntelVersion { get; init; }
    /// <summary>When the service started (ISO 8601 UTC).</summary>
    public string? Started { get; init; }
    /// <summary>The A/B slot the service runs from (a or b), where it runs from one.</summary>
    public string? Slot { get; init; }
    /// <summary>The last firmware rollback on this sensor, so the fleet sees a failed update.</summary>
    public StatusRollback? Rollback { get; init; }
    public string? Ts { get; init; }
}

/// <param name="Version">The version that was tried and abandoned.</param>
/// <param name="At">When the sensor went back (ISO 8601 UTC).</param>
public sealed record StatusRollback(string Version, string Reason, string At);
