using Edge.Detect.Findings;
using Edge.Hardware.Status;
using Edge.Hardware.Thermal;
using Edge.Service.Run;

namespace Edge.Service.Status;

/// <summary>Reads the pipeline, outbox, uplink, acknowledgements and temperature into the inputs of
/// the status model, and says whether the sensor is healthy enough to pet the watchdogs.</summary>
public sealed class HealthSampler(SensorPipeline pipeline, ThermalMonitor thermal, TimeProvider time, bool live)
{
    /// <summary>A capture thread silent this long is stuck: a live read returns at least every 100 ms.</summary>
    public static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DropWindow = TimeSpan.FromMinutes(1);

    private long _dropsAtWindowStart;
    private long _windowStart = time.GetTimestamp();
    private long _dropsInLastWindow;

    public double? LastCelsius => thermal.LastCelsius;

    public HealthInputs Sample()
    {
        var uplink = pipeline.Uplink;
        var highest = uplink?.Acknowledgements.Highest;
        var temperature = thermal.Sample();
        return new HealthInputs
        {
            Started = pipeline.Running,
            CaptureFault = CaptureFault(),
            StorageFault = uplink is { Sink: { LastError: { } error, Queued: > 0 } } ? $"alerts cannot be stored: {error}" : null,
            UplinkConnected = uplink?.Stats.Connected ?? false,
            OutboxPending = uplink?.Outbox.Depth ?? 0,
            OpenAlert = highest switch
            {
                Severity.Critical => OpenAlertLevel.Critical,
                Severity.High => OpenAlertLevel.High,
                _ => OpenAlertLevel.None,
            },
            OpenAlertCount = uplink?.Acknowledgements.OpenCount ?? 0,
            Warning = thermal.WarningText ?? DropWarning(),
        };
    }

    /// <summary>Capture, detection and the outbox all working: the only time the watchdogs are petted.</summary>
    public static bool IsHealthy(HealthInputs inputs) =>
        inputs.Started && inputs.CaptureFault is null && inputs.StorageFault is null;

    private string? CaptureFault()
    {
        if (pipeline.Loop is not { } loop || pipeline.Source is not { } source)
            return null;
        if (loop.Crash is { } crash)
            return $"capture thread failed: {crash.Message}";
        if (loop.Finished)
            return live ? $"capture stopped: {source.Error ?? "the interface closed"}" : source.Error;
        var quiet = time.GetElapsedTime(loop.LastProgress);
        return quiet > StallLimit ? $"capture stalled for {quiet.TotalSeconds:F0} s" : null;
    }

    private string? DropWarning()
    {
        var counters = pipeline.Source?.Counters ?? default;
        var drops = counters.KernelDrops + counters.InterfaceDrops;
        if (time.GetElapsedTime(_windowStart) >= DropWindow)
        {
            _dropsInLastWindow = drops - _dropsAtWindowStart;
            _dropsAtWindowStart = drops;
            _windowStart = time.GetTimestamp();
        }
        return _dropsInLastWindow > 0 ? $"capture dropped {_dropsInLastWindow:N0} packets in the last minute" : null;
    }
}
