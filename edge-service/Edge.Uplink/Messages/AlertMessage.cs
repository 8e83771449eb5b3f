namespace Edge.Uplink.Messages;

/// <summary>One alert on <c>…/alert/{category}</c>, schema <c>edge.alert/1</c>
/// (<c>Schemas/edge.alert.v1.schema.json</c>). <see cref="Id"/> is the same on every retry and on the
/// count update, so consumers dedupe by it and keep the highest <see cref="Count"/>.</summary>
public sealed class AlertMessage
{
    public const string SchemaName = "edge.alert/1";

    public string Schema { get; init; } = SchemaName;
    public required string Id { get; init; }
    /// <summary>When this message was made (ISO 8601 UTC).</summary>
    public required string Ts { get; init; }
    public required string FirstSeen { get; init; }
    public required string LastSeen { get; init; }
    public required long Count { get; init; }
    /// <summary>True on the message that closes a dedupe window with the final count.</summary>
    public bool Update { get; init; }
    public required string Agency { get; init; }
    public required string Sensor { get; init; }
    public required string Category { get; init; }
    public required string Severity { get; init; }
    public required AlertRuleRef Rule { get; init; }
    public required string Indicator { get; init; }
    public required string Kind { get; init; }
    /// <summary>The LAN client; null only for category <c>sensor</c> (no packet behind it).</summary>
    public AlertEndpoint? Src { get; init; }
    public AlertEndpoint? Dst { get; init; }
    /// <summary>EVE's protocol name; null only for category <c>sensor</c>.</summary>
    public string? Proto { get; init; }
    public AlertDnsContext? Dns { get; init; }
    public AlertTlsContext? Tls { get; init; }
    public AlertHttpContext? Http { get; init; }
    public AlertIntelContext? Intel { get; init; }
    public bool Blocked { get; init; }
    public required string Evidence { get; init; }
    public string? EvidenceFile { get; init; }
}

public sealed record AlertRuleRef(string Id, string Name);

public sealed record AlertEndpoint(string Ip, int? Port);

public sealed record AlertDnsContext(string? Qname, string? Qtype, string? Rcode);

public sealed record AlertTlsContext(string? Sni, string? Ja3, string? Ja4);

public sealed record AlertHttpContext(string Host);

public sealed record AlertIntelContext(string List, string? Source);
