namespace Edge.Service.EventLog;

/// <summary>The <c>alert</c> part of an alert event: the fields of the alert contract (DESIGN.md) that
/// the event log carries. An update repeats the id with the final count.</summary>
public sealed class AlertEvent
{
    public required string Id { get; init; }
    public bool Update { get; init; }
    public required string Category { get; init; }
    public required string Severity { get; init; }
    public required AlertRule Rule { get; init; }
    public required string Indicator { get; init; }
    public required string Kind { get; init; }
    public long Count { get; init; }
    public required string FirstSeen { get; init; }
    public required string LastSeen { get; init; }
    public required string Evidence { get; init; }
    /// <summary>The alerting flow's pcap in the sensor's evidence store (a name inside it).</summary>
    public string? EvidenceFile { get; init; }
    public AlertIntel? Intel { get; init; }
    /// <summary>True when the sensor stopped it (a sinkholed lookup, a dropped connection); absent otherwise.</summary>
    public bool? Blocked { get; init; }
    public AlertDns? Dns { get; init; }
    public AlertTls? Tls { get; init; }
    public AlertHttp? Http { get; init; }
}

public sealed record AlertRule(string Id, string Name);

public sealed record AlertIntel(string List, string? Source);

public sealed record AlertDns(string? Qname, string? Qtype, string? Rcode);

public sealed record AlertTls(string Sni);

public sealed record AlertHttp(string Host);
