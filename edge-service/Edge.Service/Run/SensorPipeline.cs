using Edge.Detect.Alerts;
using Edge.Service.Capture;
using Edge.Service.Configuration;
using Edge.Service.Replay;
using Edge.Service.Status;
using Edge.Service.Uplink;
using Edge.Watch.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Run;

/// <summary>The sensor's data path under the host: capture → watch engine (evidence first, then
/// detection) → alert pipeline → durable outbox and uplink, with the recent alerts and the
/// acknowledgements the LEDs and the status page read. Stopping flushes every alert to disk.</summary>
public sealed class SensorPipeline(EdgeSettings settings, RunOptions run, ILoggerFactory loggerFactory, TimeProvider time,
    IHostApplicationLifetime lifetime) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan DrainAtEnd = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DrainAtStop = TimeSpan.FromSeconds(5);

    private readonly ILogger _log = loggerFactory.CreateLogger("Edge.Pipeline");
    private ReplayDetection? _detection;
    private ReplayEvidence? _evidence;
    private IFrameSource? _source;
    private WatchEngine? _engine;
    private CaptureLoop? _loop;
    private Thread? _thread;
    private int _stopped;
    private int _flushed;

    public DateTimeOffset Started { get; private set; }

    public ServiceUplink? Uplink { get; private set; }

    public RecentAlerts Recent { get; } = new();

    public IFrameSource? Source => _source;

    public CaptureLoop? Loop => _loop;

    /// <summary>True once the source is open and the capture thread runs.</summary>
    public bool Running => _thread is not null;

    /// <summary>Set when the file ended and <c>ExitAtEndOfFile</c> asked the host to stop: whether
    /// the broker took every alert in time.</summary>
    public bool? DrainedAtEnd { get; private set; }

    public AlertCounters? AlertCounters => _detection?.Pipeline.Counters;

    public WatchEngine? Engine => _engine;

    /// <summary>The LED state for the heartbeat, given by the front panel.</summary>
    public Func<string>? State { get; set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Started = time.GetUtcNow();
        var state = StatePaths.Resolve(settings.Sensor.StateDirectory);
        _evidence = settings.Evidence.Directory.Length > 0 ? new ReplayEvidence(settings.Evidence) : null;
        var late = new LateAlertSink();
        _detection = new ReplayDetection([], new AlertFanOut(Recent, late), settings: settings, evidence: _evidence?.Recorder,
            reproducible: false);
        if (_detection.IntelReport is { BadLines: > 0 } or { Complete: false })
            RunLog.IntelProblems(_log, _detection.IntelReport.BadLines, _detection.IntelReport.Warnings.Count);
        Uplink = await ServiceUplink.StartAsync(new ServiceUplinkSetup(settings, run.ConfigFile, state, _detection.Intel,
            _detection.IntelPaths, null, Figures, loggerFactory, time), cancellationToken).ConfigureAwait(false);
        late.Target = Uplink.Alerts;
        _source = CaptureSources.Open(settings.Capture, RunOptions.BundledSample, time);
        _engine = new WatchEngine(new WatchOptions(), Observer());
        _loop = new CaptureLoop(_source, _engine, Housekeep, time);
        _thread = new Thread(RunCapture) { Name = "capture", IsBackground = true };
        _thread.Start();
        RunLog.Watching(_log, _source.Description,
            Uplink.Embedded is null ? Uplink.Broker.ToString() : $"{Uplink.Embedded.Url} (embedded broker)", state.Root);
    }

    private void RunCapture()
    {
        _loop!.Run();
        if (_loop.Crash is { } crash)
            RunLog.CaptureCrashed(_log, crash);
        else if (_source!.Error is { } error)
            RunLog.CaptureStopped(_log, error);
        if (Volatile.Read(ref _stopped) == 0 && settings.Capture.Interface.Length == 0 && _loop.Crash is null)
            FinishFile();
    }

    /// <summary>The file is over: every alert to disk now; with <c>ExitAtEndOfFile</c>, to the broker
    /// too (bounded), then the host stops.</summary>
    private void FinishFile()
    {
        FlushOnce();
        RunLog.EndOfFile(_log, _source!.Description, _engine!.Counters.Packets, _detection!.Pipeline.Counters.Raised);
        if (!settings.Capture.ExitAtEndOfFile)
            return;
        DrainedAtEnd = Uplink!.DrainAsync(DrainAtEnd).GetAwaiter().GetResult();
        if (DrainedAtEnd == false)
            RunLog.NotDrained(_log, DrainAtEnd.TotalSeconds);
        lifetime.StopApplication();
    }

    /// <summary>Ends the open flows and sends the alerts held for dedupe, once, on the thread that owns the engine.</summary>
    private void FlushOnce()
    {
        if (Interlocked.Exchange(ref _flushed, 1) == 1)
            return;
        _engine?.Finish();
        _detection?.Pipeline.Flush();
    }

    private void Housekeep(long captureMicros) => _evidence?.Recorder.Expire(captureMicros);

    public PipelineFigures Figures()
    {
        if (_engine is not { } engine || _detection is null)
            return default;
        var counters = _source?.Counters ?? default;
        var alerts = _detection.Pipeline.Counters;
        return new PipelineFigures(engine.Counters.Packets, counters.KernelDrops + counters.InterfaceDrops, engine.Errors.Total,
            engine.Flows.Counters.Created, engine.Counters.DnsMessages, alerts.Suppressed, alerts.RateLimited,
            settings.Capture.Interface.Length > 0, counters.KernelDrops, counters.InterfaceDrops, State?.Invoke());
    }

    private IWatchObserver Observer() => _evidence is null
        ? _detection!.Engine
        : new CompositeWatchObserver([_evidence.Recorder, _detection!.Engine]);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        _source?.Stop();
        if (_thread is not null && !_thread.Join(TimeSpan.FromSeconds(10)))
            RunLog.CaptureStuck(_log);
        else if (_loop is { Crash: null })
            FlushOnce();
        _evidence?.Finish();
        if (Uplink is not null && DrainedAtEnd is null)
            await Uplink.DrainAsync(DrainAtStop, cancellationToken).ConfigureAwait(false);
        await DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Uplink is not null)
        {
            await Uplink.DisposeAsync().ConfigureAwait(false);
            Uplink = null;
        }
        _source?.Dispose();
        _source = null;
    }
}
