using Edge.Watch.Net;

namespace Edge.Detect.Findings;

/// <summary>One thing a detector saw, with the words a responder needs. Findings are rare next to
/// packets, so they are ordinary objects; the per-packet path allocates nothing until one is made.</summary>
public sealed record Finding
{
    public required string RuleId { get; init; }
    public required string RuleName { get; init; }
    public required string Category { get; init; }
    public required Severity Severity { get; init; }
    /// <summary>One of <see cref="EvidenceKinds"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>What the alert is about: a name, an address, "dst:port", "445/tcp-sweep", a zone.</summary>
    public required string Indicator { get; init; }
    /// <summary>One line a person can read and act on.</summary>
    public required string Evidence { get; init; }
    public required long TimestampMicros { get; init; }
    public required IpAddr Client { get; init; }
    public ushort ClientPort { get; init; }
    /// <summary>Family 0 when the finding has no single server (a sweep, a DNS pattern).</summary>
    public IpAddr Server { get; init; }
    public ushort ServerPort { get; init; }
    public byte Protocol { get; init; }
    public ulong FlowId { get; init; }
    public string? IntelList { get; init; }
    public string? IntelSource { get; init; }
    public string? DnsQname { get; init; }
    public string? DnsQtype { get; init; }
    public string? DnsRcode { get; init; }
    public string? TlsSni { get; init; }
    public string? HttpHost { get; init; }

    /// <summary>The sensor stopped this (a gateway drop, a sinkholed name), not only saw it.</summary>
    public bool Blocked { get; init; }
}
