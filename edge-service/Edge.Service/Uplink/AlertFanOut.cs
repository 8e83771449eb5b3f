using Edge.Detect.Alerts;

namespace Edge.Service.Uplink;

/// <summary>Gives each alert to several sinks in order (the outbox, the acknowledgements, the event log).</summary>
public sealed class AlertFanOut(params IAlertSink[] sinks) : IAlertSink
{
    public void Raise(Alert alert)
    {
        foreach (var sink in sinks)
            sink.Raise(alert);
    }
}
