using Edge.Detect.Alerts;

namespace Edge.Service.Replay;

/// <summary>For runs without an event log: the pipeline still counts what it raised.</summary>
internal sealed class NullAlertSink : IAlertSink
{
    public static NullAlertSink Instance { get; } = new();

    public void Raise(Alert alert)
    {
    }
}
