using System.Globalization;
using Edge.Uplink.Messages;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Outbox;

namespace Edge.Service.Uplink;

/// <summary>The heartbeat with the whole sensor's figures: the pipeline's counters, the alerts raised
/// (on disk) and sent, the outbox, and the CPU temperature where the board reports one.</summary>
public sealed class ServiceHeartbeatSource(
    TimeProvider time,
    DateTimeOffset started,
    Func<PipelineFigures> pipeline,
    OutboxAlertSink alerts,
    Func<string?> intelVersion,
    string thermalZone = "/sys/class/thermal/thermal_zone0/temp") : IHeartbeatSource
{
    public HeartbeatMessage Create(UplinkStats uplink, OutboxStats outbox)
    {
        var now = time.GetUtcNow();
        var figures = pipeline();
        return new HeartbeatMessage
        {
            Ts = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            UptimeSeconds = (long)(now - started).TotalSeconds,
            Packets = figures.Packets,
            Drops = figures.Drops,
            DecodeErrors = figures.DecodeErrors,
            Flows = figures.Flows,
            Dns = figures.Dns,
            Alerts = new HeartbeatAlerts(alerts.Raised, uplink.Sent, outbox.Depth, outbox.Dropped + alerts.Refused,
                figures.Suppressed, figures.RateLimited),
            Outbox = new HeartbeatOutbox(outbox.Depth, outbox.Bytes, outbox.Dropped, outbox.Refused),
            Capture = figures.Live ? new HeartbeatCapture(figures.KernelDrops, figures.InterfaceDrops) : null,
            State = figures.State,
            CpuTemperatureC = CpuTemperature(),
            IntelVersion = intelVersion(),
            DnsForwarder = figures.DnsForwarder,
            Blocking = figures.Blocking,
        };
    }

    /// <summary>Millidegrees in sysfs on a Pi; null where there is no such file (most dev machines and VMs).</summary>
    private double? CpuTemperature()
    {
        try
        {
            if (!File.Exists(thermalZone))
                return null;
            var text = File.ReadAllText(thermalZone).Trim();
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var milli) ? milli / 1000.0 : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
