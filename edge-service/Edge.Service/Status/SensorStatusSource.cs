using Edge.Detect.Findings;
using Edge.Service.Configuration;
using Edge.Service.Run;
using Edge.Service.Uplink;

namespace Edge.Service.Status;

/// <summary>The status page's view of the running sensor, read from request threads: every figure is
/// a counter or a snapshot its owner already keeps.</summary>
public sealed class SensorStatusSource(EdgeSettings settings, SensorPipeline pipeline, SensorStatusService status,
    TimeProvider time) : IStatusSource
{
    public StatusSnapshot Current()
    {
        var model = status.Model.Current;
        var signal = status.Shown;
        var uplink = pipeline.Uplink;
        var figures = pipeline.Figures();
        return new StatusSnapshot
        {
            Agency = settings.Sensor.Agency,
            Sensor = settings.Sensor.Id,
            Version = ServiceUplink.Version,
            Board = status.Board?.DisplayName ?? settings.Sensor.Board ?? "unknown",
            SimulatedGpio = status.SimulatedGpio,
            Started = pipeline.Started,
            Now = time.GetUtcNow(),
            State = TerminalLedView.Name(model.State),
            Reason = model.Reason,
            LedLights = status.Lit.ToString(),
            LedPattern = signal.Pattern.ToString(),
            AlertSilenced = model.Silenced,
            Capture = Capture(),
            DnsForwarder = figures.DnsForwarder,
            Blocking = figures.Blocking,
            Uplink = uplink is null
                ? new UplinkStatus { Broker = "not started", Connected = false }
                : Uplink(uplink),
            Alerts = Alerts(uplink),
            TemperatureCelsius = status.TemperatureCelsius,
            RecentAlerts = Recent(uplink),
        };
    }

    private CaptureStatus Capture()
    {
        var source = pipeline.Source;
        var engine = pipeline.Engine;
        var counters = source?.Counters ?? default;
        return new CaptureStatus
        {
            Source = source?.Description ?? "not started",
            Running = pipeline.Loop is { Finished: false },
            Error = pipeline.Loop?.Crash?.Message ?? source?.Error,
            Packets = engine?.Counters.Packets ?? 0,
            Bytes = engine?.Counters.Bytes ?? 0,
            Drops = 0,
            KernelDrops = counters.KernelDrops,
            InterfaceDrops = counters.InterfaceDrops,
            DecodeErrors = engine?.Errors.Total ?? 0,
            Flows = engine?.Flows.Counters.Created ?? 0,
            DnsMessages = engine?.Counters.DnsMessages ?? 0,
        };
    }

    private static UplinkStatus Uplink(ServiceUplink uplink)
    {
        var stats = uplink.Stats;
        var outbox = uplink.Outbox;
        return new UplinkStatus
        {
            Broker = uplink.Embedded is null ? uplink.Broker.ToString() : $"{uplink.Embedded.Url} (embedded)",
            Connected = stats.Connected,
            Connects = stats.Connects,
            Sent = stats.Sent,
            Pending = outbox.Depth,
            Dropped = outbox.Dropped + uplink.Sink.Refused,
            OutboxBytes = outbox.Bytes,
            LastError = stats.LastError,
        };
    }

    private AlertStatus Alerts(ServiceUplink? uplink)
    {
        var counters = pipeline.AlertCounters;
        var highest = uplink?.Acknowledgements.Highest;
        return new AlertStatus
        {
            Raised = counters?.Raised ?? 0,
            Suppressed = counters?.Suppressed ?? 0,
            RateLimited = counters?.RateLimited ?? 0,
            Open = uplink?.Acknowledgements.OpenCount ?? 0,
            HighestOpen = highest?.ToString().ToLowerInvariant(),
        };
    }

    private List<RecentAlert> Recent(ServiceUplink? uplink)
    {
        var alerts = pipeline.Recent.Snapshot();
        var list = new List<RecentAlert>(alerts.Length);
        foreach (var alert in alerts)
        {
            var finding = alert.Finding;
            list.Add(new RecentAlert
            {
                Id = alert.Id,
                Time = DateTimeOffset.FromUnixTimeMilliseconds(alert.FirstSeenMicros / 1000),
                Severity = finding.Severity.ToString().ToLowerInvariant(),
                Category = finding.Category,
                Rule = finding.RuleName,
                Client = finding.Client.ToString(),
                Indicator = finding.Indicator,
                Acknowledged = finding.Severity >= Severity.High && uplink is not null && !uplink.Acknowledgements.IsOpen(alert.Id),
            });
        }
        return list;
    }
}
