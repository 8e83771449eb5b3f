namespace Edge.Service.EventLog;

/// <summary>One line of the event log (DESIGN.md "Event log"); names follow Suricata's EVE where it has one.</summary>
public sealed record EventRecord
{
    public required string Type { get; init; }
    /// <summary>Capture time, ISO 8601 UTC with microseconds.</summary>
    public required string Ts { get; init; }
    public ulong FlowId { get; init; }
    public string? SrcIp { get; init; }
    public int SrcPort { get; init; }
    public string? DstIp { get; init; }
    public int DstPort { get; init; }
    public required string Proto { get; init; }
    public DnsEvent? Dns { get; init; }
    public TlsEvent? Tls { get; init; }
    public HttpEvent? Http { get; init; }
    public FlowEvent? Flow { get; init; }
    public AlertEvent? Alert { get; init; }
}
