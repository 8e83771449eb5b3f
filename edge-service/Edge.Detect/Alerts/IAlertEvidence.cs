using Edge.Detect.Findings;

namespace Edge.Detect.Alerts;

/// <summary>Keeps the packets behind a new alert; returns the evidence file's name in the store, or
/// null when none is kept (no single flow, nothing left of it, too many open). Called on the
/// capture thread, once per raised alert.</summary>
public interface IAlertEvidence
{
    string? Collect(Finding finding, string alertId);
}
