using Edge.Detect.Findings;

namespace Edge.Detect.Alerts;

/// <summary>A finding as reported: one per (rule, client, indicator) and window, with a stable id.
/// An update repeats the id with the grown count and last-seen time (consumers keep the highest count).</summary>
public sealed record Alert(string Id, Finding Finding, long FirstSeenMicros, long LastSeenMicros, long Count, bool IsUpdate);
