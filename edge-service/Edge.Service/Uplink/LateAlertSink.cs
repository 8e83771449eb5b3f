using Edge.Detect.Alerts;

namespace Edge.Service.Uplink;

/// <summary>An alert sink whose target is set after the pipeline is built (the uplink needs the
/// pipeline's intel, the pipeline needs somewhere to send alerts). Alerts before then are refused loudly.</summary>
public sealed class LateAlertSink : IAlertSink
{
    public IAlertSink? Target { get; set; }

    public void Raise(Alert alert) =>
        (Target ?? throw new InvalidOperationException("an alert was raised before the uplink was ready")).Raise(alert);
}
