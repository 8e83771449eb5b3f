using Edge.Detect.Alerts;
using Edge.Detect.Detectors;
using Edge.Detect.Evidence;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Outbox;

namespace Edge.Service.Configuration;

/// <summary>The <c>Edge</c> section of <c>appsettings.json</c> (and of <c>Edge__…</c> environment
/// variables).</summary>
public sealed class EdgeSettings
{
    public SensorSettings Sensor { get; set; } = new();

    public IntelSettings Intel { get; set; } = new();

    public DetectionOptions Detection { get; set; } = new();

    public AlertOptions Alerts { get; set; } = new();

    /// <summary>The evidence store; off while <c>Directory</c> is empty.</summary>
    public EvidenceOptions Evidence { get; set; } = new();

    /// <summary>The broker; without one the service runs an embedded broker on 127.0.0.1.</summary>
    public UplinkOptions Uplink { get; set; } = new();

    /// <summary>The durable outbox; <c>Path</c> empty means <c>outbox.db</c> in the state folder.</summary>
    public OutboxOptions Outbox { get; set; } = new();

    public CommandSettings Commands { get; set; } = new();

    public CaptureSettings Capture { get; set; } = new();

    /// <summary>The DNS forwarder with its sinkhole; off unless enabled.</summary>
    public DnsSettings Dns { get; set; } = new();

    public HardwareSettings Hardware { get; set; } = new();

    public StatusPageSettings StatusPage { get; set; } = new();

    public FirmwareSettings Firmware { get; set; } = new();

    /// <summary>Gateway IP blocking with nftables; <c>Monitor</c> (default) touches nothing.</summary>
    public Blocking.BlockingSettings Blocking { get; set; } = new();
}
