namespace Edge.Detect.Alerts;

public sealed class AlertCounters
{
    public long Findings { get; internal set; }
    public long Raised { get; internal set; }
    public long Updates { get; internal set; }
    /// <summary>Findings folded into an alert already raised.</summary>
    public long Deduplicated { get; internal set; }
    /// <summary>Findings that would have raised a new alert past their rule's rate.</summary>
    public long RateLimited { get; internal set; }
    /// <summary>Findings taken by a suppression (each suppression also counts its own).</summary>
    public long Suppressed { get; internal set; }
    public Dictionary<string, long> RaisedByCategory { get; } = new(StringComparer.Ordinal);
}
