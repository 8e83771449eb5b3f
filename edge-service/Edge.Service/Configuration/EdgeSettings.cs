using Edge.Detect.Alerts;
using Edge.Detect.Detectors;
using Edge.Detect.Evidence;

namespace Edge.Service.Configuration;

/// <summary>The <c>Edge</c> section of <c>appsettings.json</c> (and of <c>Edge__…</c> environment
/// variables). Later sections (Uplink, Outbox, Hardware, Status) join it as their code lands.</summary>
public sealed class EdgeSettings
{
    public SensorSettings Sensor { get; set; } = new();

    public IntelSettings Intel { get; set; } = new();

    public DetectionOptions Detection { get; set; } = new();

    public AlertOptions Alerts { get; set; } = new();

    /// <summary>The evidence store; off while <c>Directory</c> is empty.</summary>
    public EvidenceOptions Evidence { get; set; } = new();
}
