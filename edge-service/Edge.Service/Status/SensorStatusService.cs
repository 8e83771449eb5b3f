using Edge.Hardware.Boards;
using Edge.Hardware.Button;
using Edge.Hardware.Gpio;
using Edge.Hardware.Leds;
using Edge.Hardware.Status;
using Edge.Hardware.Thermal;
using Edge.Hardware.Watchdog;
using Edge.Service.Configuration;
using Edge.Service.Firmware;
using Edge.Service.Run;
using Edge.Service.Systemd;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Status;

/// <summary>The front panel: the board's LEDs, button and watchdogs, driven by the status model. It
/// starts first (the LEDs say "booting" while the pipeline comes up) and stops last. The watchdogs
/// are armed once the whole host has started and, from the moment a stop begins, the hardware one is
/// disarmed and systemd's is petted until the process ends (the stop is bounded by TimeoutStopSec).</summary>
public sealed class SensorStatusService(EdgeSettings settings, SensorPipeline pipeline, FirmwareTrial firmware, SystemdNotifier systemd,
    ILoggerFactory loggerFactory, TimeProvider time, IHostApplicationLifetime lifetime) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>Off a Pi (a developer's machine, CI), the simulated LEDs follow the Pi 4 wiring.</summary>
    private const string DevelopmentBoard = "raspberry-pi-4";

    private readonly ILogger _log = loggerFactory.CreateLogger("Edge.Status");
    private readonly Lock _lock = new();
    private BoardHardware? _hardware;
    private bool _boardDetected;
    private LedScheduler? _leds;
    private ButtonGestures? _button;
    private HealthSampler? _sampler;
    private ITimer? _sampling;
    private WatchdogPetter? _hardwareWatchdog;
    private WatchdogPetter? _systemdWatchdog;
    private TerminalLedView? _terminal;
    private LedSignal? _overlay;
    private HealthInputs _inputs = new();
    private volatile bool _stopping;

    public StatusModel Model { get; } = new(time);

    public BoardProfile? Board => _hardware?.Profile;

    public bool SimulatedGpio => _hardware?.Simulated ?? true;

    public SimulatedGpioDriver? Simulator => _hardware?.Simulator;

    public LedLights Lit => _leds?.Lit ?? LedLights.None;

    public LedSignal Shown => _leds?.Current ?? LedSignal.Dark;

    public double? TemperatureCelsius { get; private set; }

    /// <summary>Set by a confirmed factory reset: the host stops with this exit code so systemd starts it again.</summary>
    public bool FactoryResetDone { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var hardware = settings.Hardware;
        var profile = BoardProfiles.Load(BoardName(hardware.Board));
        _hardware = BoardGpio.Open(profile, Access(hardware.Gpio), time);
        if (_boardDetected && _hardware.Simulated)
            RunLog.DetectedBoardSimulated(_log, profile.DisplayName, _hardware.Reason);
        settings.Sensor.Board ??= profile.Name;
        _leds = new LedScheduler(_hardware.Lights, time, _hardware.Buzzer);
        if (ShowInTerminal(hardware.TerminalLeds, _hardware.Simulated))
        {
            _terminal = new TerminalLedView(Console.Out, interactive: !Console.IsOutputRedirected);
            _leds.LightsChanged += _terminal.OnLights;
        }
        Model.Changed += OnStatusChanged;
        pipeline.State = () => TerminalLedView.Name(Model.Current.State);
        pipeline.LedTestRequested += RunLedTest;
        if (_hardware.Button is { } button)
        {
            _button = new ButtonGestures(button, time, new ButtonTiming { Debounce = TimeSpan.FromMilliseconds(hardware.ButtonDebounceMilliseconds) });
            _button.ShortPress += Model.SilenceAlert;
            _button.LedTestRequested += RunLedTest;
            _button.FactoryResetArmed += () => Overlay(ButtonFeedback.FactoryResetArmed, "factory reset armed: hold again 3 s to confirm");
            _button.FactoryResetCancelled += () => Overlay(null, "factory reset cancelled");
            _button.FactoryResetConfirmed += OnFactoryReset;
        }
        var thermal = new ThermalMonitor(new SysfsThermalSource(hardware.Thermal.Zone), hardware.Thermal.WarnCelsius, hardware.Thermal.HysteresisCelsius);
        var flashing = new FlashActivityFile(FlashActivityFile.In(StatePaths.Resolve(settings.Sensor.StateDirectory).Root), time);
        _sampler = new HealthSampler(pipeline, thermal, TimeSpan.FromSeconds(hardware.Thermal.PollSeconds), time, flashing);
        Update();
        _terminal?.OnStatus(Model.Current);
        _sampling = time.CreateTimer(_ => Update(), null, SampleEvery, SampleEvery);
        var leds = profile.Leds.Kind == LedKind.Rgb ? "RGB" : "green/amber/red";
        var why = _boardDetected || hardware.Gpio != GpioMode.Auto ? _hardware.Reason : "this machine is not a recognised Pi board";
        RunLog.Board(_log, profile.DisplayName, _hardware.Chip, why, leds);
        lifetime.ApplicationStarted.Register(StartWatchdogs);
        lifetime.ApplicationStopping.Register(OnStopping);
        return Task.CompletedTask;
    }

    /// <summary>The LED test, from the button or a signed <c>led-test</c> command.</summary>
    public void RunLedTest()
    {
        lock (_lock)
            _leds?.RunTest();
    }

    private void Update()
    {
        lock (_lock)
        {
            // During a stop the parts close one by one: the LEDs keep the last state, not a fault.
            if (_sampler is null || _leds is null || _stopping)
                return;
            HealthInputs inputs;
            try
            {
                inputs = _sampler.Sample();
            }
            catch (Exception e)
            {
                // The outbox's figures come from its database: a failing disk surfaces here.
                inputs = _inputs with { StorageFault = $"status unreadable: {e.Message}" };
            }
            _inputs = inputs;
            TemperatureCelsius = _sampler.LastCelsius;
            var status = Model.Update(inputs);
            _leds.Show(_overlay ?? status.Signal);
            ObserveTrial(inputs);
        }
    }

    /// <summary>A new firmware slot is kept once healthy with a heartbeat sent; past its deadline the
    /// service stops (exit 1) and systemd starts the previous slot.</summary>
    private void ObserveTrial(HealthInputs inputs)
    {
        if (!firmware.OnTrial)
            return;
        if (firmware.Observe(HealthSampler.IsHealthy(inputs), pipeline.Uplink is { Stats.HeartbeatsSent: > 0 }))
        {
            RunLog.TrialFailed(_log, firmware.RolledBack!);
            pipeline.Fail(firmware.RolledBack!);
        }
        else if (!firmware.OnTrial)
            RunLog.TrialPassed(_log, firmware.Slot ?? "");
    }

    private void OnStatusChanged(SensorStatus status)
    {
        var name = TerminalLedView.Name(status.State);
        var signal = TerminalLedView.Describe(status.Signal);
        RunLog.State(_log, name, status.Reason, signal);
        systemd.Status($"{name}: {status.Reason}");
        _terminal?.OnStatus(status);
    }

    private void Overlay(LedSignal? signal, string why)
    {
        lock (_lock)
        {
            _overlay = signal;
            _leds?.Show(signal ?? Model.Current.Signal);
        }
        RunLog.Button(_log, why);
    }

    /// <summary>Off the button's timer thread: the reset touches files and stops the host.</summary>
    private void OnFactoryReset() => _ = Task.Run(RestoreFactoryConfiguration);

    private void RestoreFactoryConfiguration()
    {
        Overlay(ButtonFeedback.FactoryResetConfirming, "factory reset confirmed");
        try
        {
            var removed = FactoryReset.Restore(StatePaths.Resolve(settings.Sensor.StateDirectory));
            RunLog.FactoryReset(_log, string.Join(", ", removed));
            FactoryResetDone = true;
            lifetime.StopApplication();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RunLog.FactoryResetFailed(_log, e.Message);
            Overlay(null, "factory reset failed");
        }
    }

    private void StartWatchdogs()
    {
        var watchdog = settings.Hardware.Watchdog;
        // Auto opens it only on a board we recognised and drive for real: once open, a process
        // that dies without disarming it reboots the machine.
        var open = watchdog.Enabled == WatchdogMode.On
            || (watchdog.Enabled == WatchdogMode.Auto && _boardDetected && _hardware is { Simulated: false } && File.Exists(watchdog.Device));
        if (open)
        {
            try
            {
                var device = LinuxWatchdogDevice.Open(watchdog.Device, TimeSpan.FromSeconds(watchdog.TimeoutSeconds));
                _hardwareWatchdog = new WatchdogPetter(device, Healthy, TimeSpan.FromSeconds(watchdog.PetIntervalSeconds), time);
                RunLog.HardwareWatchdog(_log, watchdog.Device, device.Timeout.TotalSeconds, watchdog.PetIntervalSeconds);
            }
            catch (Exception e) when (watchdog.Enabled == WatchdogMode.Auto && e is IOException or UnauthorizedAccessException)
            {
                RunLog.HardwareWatchdogUnavailable(_log, watchdog.Device, e.Message);
            }
        }
        if (systemd.WatchdogInterval is { } interval)
        {
            _systemdWatchdog = new WatchdogPetter(new SystemdWatchdog(systemd), Healthy, interval / 2, time);
            RunLog.SystemdWatchdog(_log, interval / 2);
        }
    }

    private void OnStopping()
    {
        _stopping = true;
        lock (_lock)
        {
            _hardwareWatchdog?.Stop(disarm: true);
            _hardwareWatchdog = null;
        }
    }

    private bool Healthy()
    {
        if (_stopping)
            return true;
        lock (_lock)
            return HealthSampler.IsHealthy(_inputs);
    }

    private GpioAccess Access(GpioMode mode) => mode switch
    {
        GpioMode.Simulated => GpioAccess.Simulated,
        GpioMode.Real => GpioAccess.Real,
        // An unknown machine (a developer's PC) is never driven for real: its gpiochip0 is not ours.
        _ => _boardDetected ? GpioAccess.Auto : GpioAccess.Simulated,
    };

    private static bool ShowInTerminal(TerminalLeds mode, bool simulated) => mode switch
    {
        TerminalLeds.On => true,
        TerminalLeds.Off => false,
        _ => simulated,
    };

    private string BoardName(string configured)
    {
        if (!string.Equals(configured, "auto", StringComparison.OrdinalIgnoreCase))
        {
            _boardDetected = true;
            return configured;
        }
        var detected = BoardProfiles.DetectName();
        _boardDetected = detected is not null;
        return detected ?? DevelopmentBoard;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public ValueTask DisposeAsync()
    {
        _stopping = true;
        // The button first and outside the lock: its timers raise events that take the lock.
        _button?.Dispose();
        _button = null;
        lock (_lock)
            DisposeDevices();
        return ValueTask.CompletedTask;
    }

    private void DisposeDevices()
    {
        _sampling?.Dispose();
        _sampling = null;
        _hardwareWatchdog?.Stop(disarm: true);
        _systemdWatchdog?.Stop(disarm: true);
        _leds?.Dispose();
        _hardware?.Dispose();
        _hardwareWatchdog = _systemdWatchdog = null;
        _leds = null;
        _hardware = null;
        if (_terminal is not null && !Console.IsOutputRedirected)
            Console.Out.WriteLine();
        _terminal = null;
    }
}
