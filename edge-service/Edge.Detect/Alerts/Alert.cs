using Edge.Detect.Findings;

namespace Edge.Detect.Alerts;

/// <summary>A finding as reported: one per (rule, client, indicator) and window, with a stable id.
/// An update repeats the id with the grown count and last-seen time (consumers keep the highest count).</summary>
public sealed record Alert(string Id, Finding Finding, long FirstSeenMicros, long LastSeenMicros, long Count, bool IsUpdate)
{
    /// <summary>The alerting flow's pcap, by its name inside the sensor's evidence store; null when
    /// the store is off or keeps nothing for this alert (no single flow, nothing left of it).</summary>
    public string? EvidenceFile { get; init; }
}
