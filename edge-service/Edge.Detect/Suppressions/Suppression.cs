using Edge.Detect.Findings;
using Edge.Watch.Net;

namespace Edge.Detect.Suppressions;

/// <summary>One allowance: findings that match every field given are counted, not alerted. Unset
/// fields match anything; a suppression without any field is refused when parsed.</summary>
public sealed record Suppression
{
    public string? Rule { get; init; }
    public string? Category { get; init; }
    public IpAddr Client { get; init; }
    public int ClientPrefix { get; init; }
    public IpAddr Destination { get; init; }
    public int DestinationPrefix { get; init; }
    /// <summary>Matches the indicator itself or, for a name, any subdomain of it.</summary>
    public string? Indicator { get; init; }
    public required string Reason { get; init; }
    /// <summary>Capture time (µs since 1970) from which it no longer applies; null: never expires.</summary>
    public long? ExpiresMicros { get; init; }
    /// <summary>Where it came from ("file:line"), for reports.</summary>
    public string Origin { get; init; } = "";

    public bool Matches(Finding finding)
    {
        if (ExpiresMicros is { } expires && finding.TimestampMicros >= expires)
            return false;
        if (Rule is not null && !string.Equals(Rule, finding.RuleId, StringComparison.Ordinal))
            return false;
        if (Category is not null && !string.Equals(Category, finding.Category, StringComparison.Ordinal))
            return false;
        if (Client.Family != 0 && !Prefix.Contains(Client, ClientPrefix, finding.Client))
            return false;
        if (Destination.Family != 0 && !Prefix.Contains(Destination, DestinationPrefix, finding.Server))
            return false;
        return Indicator is null || IndicatorMatches(finding.Indicator);
    }

    private bool IndicatorMatches(string indicator) =>
        string.Equals(indicator, Indicator, StringComparison.OrdinalIgnoreCase)
        || (indicator.Length > Indicator!.Length + 1
            && indicator.EndsWith(Indicator, StringComparison.OrdinalIgnoreCase)
            && indicator[indicator.Length - Indicator.Length - 1] == '.');
}
