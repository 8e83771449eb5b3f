using Edge.Detect.Findings;
using Edge.Hardware.Status;
using Edge.Hardware.Thermal;
using Edge.Service.Firmware;
using Edge.Service.Run;

namespace Edge.Service.Status;

/// <summary>Reads the pipeline, outbox, uplink, acknowledgements and temperature into the inputs of
/// the status model, and says whether the sensor is healthy enough to pet the watchdogs.</summary>
/// <param name="flashing">The flash agent's activity, or null where none runs.</param>
public sealed class HealthSampler(SensorPipeline pipeline, ThermalMonitor thermal, TimeSpan thermalEvery, TimeProvider time,
    FlashActivityFile? flashing = null)
{
    /// <summary>A capture thread silent this long is stuck: a live read returns at least every 100 ms.</summary>
    public static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DropWindow = TimeSpan.FromMinutes(1);

    private long _dropsAtWindowStart;
    private long _windowStart = time.GetTimestamp();
    private long _dropsInLastWindow;
    private long _thermalAt;
    private bool _thermalRead;

    public double? LastCelsius => thermal.LastCelsius;

    public HealthInputs Sample()
    {
        var uplink = pipeline.Uplink;
        var highest = uplink?.Acknowledgements.Highest;
        SampleThermal();
        var (captureFault, captureWarning) = Capture();
        var (flash, flashDetail) = flashing?.Read() ?? (FlashPhase.None, null);
        return new HealthInputs
        {
            Flash = flash,
            FlashDetail = flashDetail,
            Started = pipeline.Running,
            CaptureFault = captureFault,
            StorageFault = uplink?.Sink.Failing is { } failing ? $"alerts cannot be stored: {failing}" : null,
            UplinkConnected = uplink?.Stats.Connected ?? false,
            OutboxPending = uplink?.Outbox.Depth ?? 0,
            OpenAlert = highest switch
            {
                Severity.Critical => OpenAlertLevel.Critical,
                Severity.High => OpenAlertLevel.High,
                _ => OpenAlertLevel.None,
            },
            OpenAlertCount = uplink?.Acknowledgements.OpenCount ?? 0,
            Warning = thermal.WarningText ?? captureWarning ?? DropWarning(),
        };
    }

    /// <summary>Capture, detection and the outbox all working: the only time the watchdogs are petted.</summary>
    public static bool IsHealthy(HealthInputs inputs) =>
        inputs.Started && inputs.CaptureFault is null && inputs.StorageFault is null;

    private void SampleThermal()
    {
        if (_thermalRead && time.GetElapsedTime(_thermalAt) < thermalEvery)
            return;
        thermal.Sample();
        _thermalRead = true;
        _thermalAt = time.GetTimestamp();
    }

    /// <summary>A live capture that ended or stalled is a fault; a damaged file only a warning (what
    /// could be read was).</summary>
    private (string? Fault, string? Warning) Capture()
    {
        if (pipeline.Loop is not { } loop || pipeline.Source is not { } source)
            return (null, null);
        if (loop.Crash is { } crash)
            return ($"capture thread failed: {crash.Message}", null);
        if (loop.Finished)
            return pipeline.Live ? ($"capture stopped: {source.Error ?? "the interface closed"}", null)
                : (null, source.Error is { } error ? $"capture file damaged: {error}" : null);
        if (!pipeline.Running)
            return (null, null);
        var quiet = time.GetElapsedTime(loop.LastProgress);
        return quiet > StallLimit ? ($"capture stalled for {quiet.TotalSeconds:F0} s", null) : (null, null);
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
        return _dropsInLastWindow > 0 ? $"capture dropped {_dropsInLastWindow:N0} packets in the last full minute" : null;
    }
}
