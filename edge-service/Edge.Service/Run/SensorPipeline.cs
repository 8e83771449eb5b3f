using System.Runtime.InteropServices;
using Edge.Detect.Alerts;
using Edge.Detect.Findings;
using Edge.Service.Capture;
using Edge.Service.Configuration;
using Edge.Service.Dns;
using Edge.Service.EventLog;
using Edge.Service.Firmware;
using Edge.Service.Replay;
using Edge.Service.Status;
using Edge.Service.Uplink;
using Edge.Uplink.Messages;
using Edge.Watch.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Run;

/// <summary>The sensor's data path under the host: capture → watch engine (evidence first, then
/// detection) → alert pipeline → durable outbox and uplink, with the recent alerts and the
/// acknowledgements the LEDs and the status page read. The capture thread starts once the whole
/// host has started; a live capture that fails stops the host (exit 1, systemd starts it again);
/// stopping flushes every alert to disk.</summary>
public sealed class SensorPipeline(EdgeSettings settings, RunOptions run, FirmwareTrial firmware, ILoggerFactory loggerFactory,
    TimeProvider time, IHostApplicationLifetime lifetime) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan DrainAtEnd = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DrainAtStop = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan JoinLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan EventLogFlushEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan BlockCountersEvery = TimeSpan.FromSeconds(10);
    private const int MaxForwardedPerRead = 256;

    private readonly ILogger _log = loggerFactory.CreateLogger("Edge.Pipeline");
    private ReplayDetection? _detection;
    private ReplayEvidence? _evidence;
    private EventLogWriter? _events;
    private long _eventsFlushedAt;
    private long _blockCountersReadAt;
    private PosixSignalRegistration? _hangup;
    private int _reloading;
    private ForwarderTraffic? _traffic;
    private ForwarderHost? _forwarder;
    private IFrameSource? _source;
    private WatchEngine? _engine;
    private CaptureLoop? _loop;
    private ServiceUplink? _uplink;
    private Edge.Service.Blocking.GatewayBlocking? _blocking;
    private Thread? _thread;
    private int _stopped;
    private int _flushed;

    public DateTimeOffset Started { get; private set; }

    /// <summary>Null before the pipeline started and after it stopped.</summary>
    public ServiceUplink? Uplink => Volatile.Read(ref _uplink);

    public RecentAlerts Recent { get; } = new();

    public IFrameSource? Source => _source;

    public CaptureLoop? Loop => _loop;

    public bool Live => settings.Capture.Enabled && settings.Capture.Interface.Length > 0;

    /// <summary>True once the capture thread runs.</summary>
    public bool Running => Volatile.Read(ref _thread) is not null;

    /// <summary>Why the capture ended against the sensor's will (a crash, the live interface gone):
    /// the host then stops with exit code 1.</summary>
    public string? Failed { get; private set; }

    /// <summary>Set when the file ended and <c>ExitAtEndOfFile</c> asked the host to stop: whether
    /// the broker took every alert in time.</summary>
    public bool? DrainedAtEnd { get; private set; }

    public AlertCounters? AlertCounters => _detection?.Pipeline.Counters;

    public WatchEngine? Engine => _engine;

    /// <summary>The LED state for the heartbeat, given by the front panel.</summary>
    public Func<string>? State { get; set; }

    /// <summary>A signed <c>led-test</c> command arrived.</summary>
    public event Action? LedTestRequested;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Started = time.GetUtcNow();
        var state = StatePaths.Resolve(settings.Sensor.StateDirectory);
        _evidence = settings.Evidence.Directory.Length > 0 ? new ReplayEvidence(settings.Evidence) : null;
        var late = new LateAlertSink();
        // Readable while the sensor writes it (tail -f, a test): no exclusive lock.
        _events = run.EventsFile is null ? null
            : new EventLogWriter(new FileStream(run.EventsFile, FileMode.Create, FileAccess.Write, FileShare.Read), ownsOutput: true);
        IAlertSink alerts = _events is null ? new AlertFanOut(Recent, late) : new AlertFanOut(Recent, late, _events);
        _traffic = settings.Dns.Enabled ? new ForwarderTraffic() : null;
        _detection = new ReplayDetection([], alerts, settings: settings, evidence: _evidence?.Recorder, reproducible: false,
            findings: MarkBlocked);
        if (_detection.IntelReport is { BadLines: > 0 } or { Complete: false })
            RunLog.IntelProblems(_log, _detection.IntelReport.BadLines, _detection.IntelReport.Warnings.Count);
        // The source first: a wrong interface or filter stops the start before the outbox and broker open.
        _source = CaptureSources.Open(settings.Capture, RunOptions.BundledSample, time, _traffic?.Arrived);
        var observer = Observer();
        _engine = new WatchEngine(new WatchOptions(), observer);
        var speed = !Live && settings.Capture.Pace == CapturePace.Realtime ? settings.Capture.Speed : 1;
        _loop = new CaptureLoop(_source, _engine, Housekeep, time, speed, () => BetweenFrames(observer));
        var uplink = await ServiceUplink.StartAsync(new ServiceUplinkSetup(settings, run.ConfigFile, state, _detection.Intel,
            _detection.IntelPaths, null, Figures, loggerFactory, time)
        {
            Slot = firmware.Slot,
            Rollback = firmware.LastRollback,
        }, cancellationToken).ConfigureAwait(false);
        uplink.Actions.LedTestRequested += () => LedTestRequested?.Invoke();
        late.Target = uplink.Alerts;
        Volatile.Write(ref _uplink, uplink);
        // Lists received by intel-update before this start join the configured ones before anything blocks by them.
        if (uplink.Actions.HasReceivedIntel)
            uplink.Actions.ReloadIntel("lists received before the start");
        _hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnHangup);
        _blocking = Edge.Service.Blocking.GatewayBlocking.Start(settings.Blocking, _detection.Intel, new AlertFanOut(Recent, late), settings.Alerts, loggerFactory);
        ReportRollback(uplink);
        if (_traffic is not null)
            _forwarder = ForwarderHost.Start(settings.Dns, _detection.Intel, _traffic, time, loggerFactory);
        RunLog.Watching(_log, _source.Description,
            uplink.Embedded is null ? uplink.Broker.ToString() : $"{uplink.Embedded.Url} (embedded broker)", state.Root);
        // Frames flow once every part has started, so the end of a short file cannot stop a host still starting.
        lifetime.ApplicationStarted.Register(StartCapture);
    }

    /// <summary>A firmware rollback this start found and no alert has reported yet goes out as one
    /// alert (category sensor), by the same ways as the pipeline's: the status page, the outbox
    /// (committed before the slot state records it), the acknowledgements (the LEDs).</summary>
    private void ReportRollback(ServiceUplink uplink)
    {
        if (firmware.UnreportedRollback is not { } rollback)
            return;
        string? why = null;
        try
        {
            var alert = firmware.ReportRollback(report =>
            {
                Recent.Raise(report);
                return uplink.RaiseStored(report, out why);
            }, ServiceUplink.Version);
            if (alert is null)
                RunLog.RollbackNotStored(_log, rollback.Version, why ?? "not stored");
            else
                RunLog.RollbackReported(_log, rollback.Version, alert.Id);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RunLog.RollbackNotMarked(_log, rollback.Version, e.Message);
        }
    }

    /// <summary>Findings about what the sensor stopped say so: lookups its forwarder sinkholed, connections its gateway drops.</summary>
    private IFindingSink MarkBlocked(IFindingSink sink)
    {
        if (settings.Blocking.Gateway)
            sink = new Edge.Service.Blocking.GatewayBlockedSink(sink, settings.Blocking);
        return _traffic is null ? sink : new BlockedLookupSink(sink, _traffic);
    }

    /// <summary>SIGHUP (<c>systemctl reload edge-service</c>): the lists are read again from disk on a
    /// thread of their own (millions of names take seconds; no pool thread waits on them or is waited
    /// for); a reload asked for while one runs is ignored.</summary>
    private void OnHangup(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Uplink is not { } uplink || Interlocked.Exchange(ref _reloading, 1) == 1)
            return;
        var reload = new Thread(() =>
        {
            try
            {
                uplink.Actions.ReloadIntel("SIGHUP");
            }
            finally
            {
                Volatile.Write(ref _reloading, 0);
            }
        }) { Name = "intel-reload", IsBackground = true };
        reload.Start();
    }

    private void StartCapture()
    {
        if (Volatile.Read(ref _stopped) == 1)
            return;
        var thread = new Thread(RunCapture) { Name = "capture", IsBackground = true };
        thread.Start();
        Volatile.Write(ref _thread, thread);
    }

    private void RunCapture()
    {
        var loop = _loop!;
        var source = _source!;
        loop.Run();
        if (Volatile.Read(ref _stopped) == 1)
            return;
        if (loop.Crash is { } crash)
        {
            RunLog.CaptureCrashed(_log, crash);
            Fail($"the capture thread failed: {crash.Message}");
        }
        else if (Live)
        {
            RunLog.CaptureStopped(_log, source.Error ?? "the interface closed");
            Fail($"capture stopped: {source.Error ?? "the interface closed"}");
        }
        else
        {
            if (source.Error is { } error)
                RunLog.CaptureStopped(_log, error);
            FinishFile();
        }
    }

    /// <summary>Stops the host with exit code 1 (systemd starts it again).</summary>
    public void Fail(string why)
    {
        Failed = why;
        lifetime.StopApplication();
    }

    /// <summary>The file is over: every alert to disk now; with <c>ExitAtEndOfFile</c>, to the broker
    /// too (bounded, and cut short by a stop), then the host stops.</summary>
    private void FinishFile()
    {
        FlushOnce();
        RunLog.EndOfFile(_log, _source!.Description, _engine!.Counters.Packets, _detection!.Pipeline.Counters.Raised);
        if (!settings.Capture.ExitAtEndOfFile || Uplink is not { } uplink)
            return;
        try
        {
            DrainedAtEnd = uplink.DrainAsync(DrainAtEnd, lifetime.ApplicationStopping).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            DrainedAtEnd = false;
        }
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
            Live, counters.KernelDrops, counters.InterfaceDrops, State?.Invoke(), ForwarderFigures(), BlockingFigures());
    }

    private HeartbeatDnsForwarder? ForwarderFigures()
    {
        if (_forwarder is not { } forwarder)
            return null;
        var counters = forwarder.Counters;
        var upstreams = forwarder.Upstreams;
        var up = 0;
        foreach (var upstream in upstreams)
            up += upstream.Healthy ? 1 : 0;
        return new HeartbeatDnsForwarder(counters.UdpQueries + counters.TcpQueries, forwarder.Resolver.Counters.AnsweredFromCache,
            counters.Blocked, counters.ServFail, counters.Dropped, up, upstreams.Count, _traffic?.Dropped ?? 0);
    }

    /// <summary>The block sets' figures; their drop counters are read from nft at most every 10 s (a process each time).</summary>
    private HeartbeatBlocking? BlockingFigures()
    {
        if (_blocking is not { } gateway)
            return null;
        var last = Interlocked.Read(ref _blockCountersReadAt);
        if (last == 0 || time.GetElapsedTime(last) >= BlockCountersEvery)
        {
            Interlocked.Exchange(ref _blockCountersReadAt, time.GetTimestamp());
            gateway.ReadCounters();
        }
        var blocking = gateway.Counters;
        return new HeartbeatBlocking(blocking.V4Networks + blocking.V6Networks, blocking.Attempts, blocking.DroppedIn + blocking.DroppedOut,
            blocking.Failures);
    }

    private IWatchObserver Observer()
    {
        var observers = new List<IWatchObserver>(3);
        if (_evidence is not null)
            observers.Add(_evidence.Recorder);
        observers.Add(_detection!.Engine);
        if (_events is not null)
            observers.Add(_events);
        return observers.Count == 1 ? observers[0] : new CompositeWatchObserver([.. observers]);
    }

    /// <summary>On the capture thread after every read: the forwarder's exchanges reach the same
    /// observers as captured packets; the event log reaches its file at least once a second.</summary>
    private void BetweenFrames(IWatchObserver observer)
    {
        _traffic?.Drain(observer, MaxForwardedPerRead);
        if (_events is not null && time.GetElapsedTime(_eventsFlushedAt) >= EventLogFlushEvery)
        {
            _eventsFlushedAt = time.GetTimestamp();
            _events.Flush();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        _hangup?.Dispose();
        // Clients stop getting answers first, so nothing new is asked of the detectors while they finish.
        if (Interlocked.Exchange(ref _forwarder, null) is { } forwarder)
            await forwarder.DisposeAsync().ConfigureAwait(false);
        _source?.Stop();
        var thread = Volatile.Read(ref _thread);
        var joined = thread is null || thread.Join(JoinLimit);
        if (!joined)
            RunLog.CaptureStuck(_log);
        else if (_loop is { Crash: null })
            FlushOnce();
        // A thread still inside the source or the recorder keeps them: disposing under it would crash.
        if (joined)
        {
            _evidence?.Finish();
            _events?.Dispose();
            _traffic?.Dispose();
        }
        _blocking?.Dispose();
        if (Uplink is { } uplink && DrainedAtEnd is null)
        {
            try
            {
                await uplink.DrainAsync(DrainAtStop, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The host's stop budget ran out: what is left waits in the outbox.
            }
        }
        var disposing = Interlocked.Exchange(ref _uplink, null);
        if (disposing is not null)
            await disposing.DisposeAsync().ConfigureAwait(false);
        if (joined)
            _source?.Dispose();
    }

    /// <summary>The container disposes services the host never stopped (a later part failed to start).</summary>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);
}
