using Edge.Hardware.Leds;

namespace Edge.Hardware.Status;

/// <summary>Turns the service's health samples into the one state the LEDs show, highest priority
/// first: a technician's flash, fault, alert, uplink down, warning, monitoring, booting (README.md has the table). The
/// service calls <see cref="Update"/> on every sample; the uplink grace is judged at those calls.
/// Thread-safe: samples and the button arrive on different threads.</summary>
public sealed class StatusModel
{
    public static readonly TimeSpan DefaultUplinkGrace = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _uplinkGrace;
    private readonly UplinkOutage _uplink = new();
    private readonly AlertSilence _silence = new();
    private HealthInputs _inputs = new();
    private TimeSpan? _uplinkDownFor;
    private SensorStatus _current;

    public StatusModel(TimeProvider time, TimeSpan? uplinkGrace = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        var grace = uplinkGrace ?? DefaultUplinkGrace;
        ArgumentOutOfRangeException.ThrowIfLessThan(grace, TimeSpan.Zero, nameof(uplinkGrace));
        _time = time;
        _uplinkGrace = grace;
        _current = Evaluate();
    }

    /// <summary>Raised when the state, signal, reason or silence changes, under the model's lock (so in
    /// order): keep handlers short.</summary>
    public event Action<SensorStatus>? Changed;

    public SensorStatus Current
    {
        get { lock (_lock) return _current; }
    }

    public SensorStatus Update(HealthInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        lock (_lock)
        {
            _inputs = inputs;
            _uplinkDownFor = _uplink.Observe(inputs.Started, inputs.UplinkConnected, _time.GetUtcNow());
            _silence.Observe(inputs.OpenAlert, inputs.OpenAlertCount);
            return Publish(Evaluate());
        }
    }

    /// <summary>The button's short press: the alert pattern turns steady until a new alert arrives (the
    /// open count or level rises) or every alert is acknowledged. Nothing while no alert is shown.</summary>
    public void SilenceAlert()
    {
        lock (_lock)
        {
            if (_current.State != SensorState.Alert)
                return;
            _silence.Silence(_inputs.OpenAlert, _inputs.OpenAlertCount);
            Publish(Evaluate());
        }
    }

    /// <summary>The LED signal of a state (README.md). <paramref name="level"/> and <paramref name="silenced"/>
    /// matter only for <see cref="SensorState.Alert"/>, where any level but critical double-blinks;
    /// <paramref name="flash"/> only for <see cref="SensorState.Flashing"/>.</summary>
    public static LedSignal SignalFor(SensorState state, OpenAlertLevel level, bool silenced, FlashPhase flash = FlashPhase.None) => state switch
    {
        SensorState.Flashing when flash == FlashPhase.Installing => new(LedLights.Green, LedPattern.FastBlink),
        SensorState.Flashing when flash == FlashPhase.Refused => new(LedLights.Amber, LedPattern.DoubleBlink),
        SensorState.Flashing => new(LedLights.Amber, LedPattern.FastBlink),
        SensorState.Fault => new(LedLights.Red, LedPattern.Steady),
        SensorState.Alert when silenced => new(LedLights.Red, LedPattern.SlowBlink),
        SensorState.Alert when level == OpenAlertLevel.Critical => new(LedLights.Red, LedPattern.FastBlink),
        SensorState.Alert => new(LedLights.Red, LedPattern.DoubleBlink),
        SensorState.UplinkDown => new(LedLights.Amber, LedPattern.SlowBlink),
        SensorState.Warning => new(LedLights.Amber, LedPattern.Steady),
        SensorState.Monitoring => new(LedLights.Green, LedPattern.Heartbeat),
        SensorState.Booting => new(LedLights.Green, LedPattern.SlowBlink),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    private SensorStatus Evaluate()
    {
        var inputs = _inputs;
        var (state, reason) = inputs switch
        {
            { Flash: not FlashPhase.None } => (SensorState.Flashing, StatusReasons.Flashing(inputs.Flash, inputs.FlashDetail)),
            { CaptureFault: not null } or { StorageFault: not null } =>
                (SensorState.Fault, StatusReasons.Fault(inputs.CaptureFault, inputs.StorageFault)),
            { OpenAlert: not OpenAlertLevel.None } =>
                (SensorState.Alert, StatusReasons.Alert(inputs.OpenAlert, inputs.OpenAlertCount)),
            _ when _uplinkDownFor > _uplinkGrace =>
                (SensorState.UplinkDown, StatusReasons.UplinkDown(_uplinkDownFor.Value, _uplink.EverConnected, inputs.OutboxPending)),
            { Warning: { } warning } => (SensorState.Warning, warning),
            { Started: true } => (SensorState.Monitoring, StatusReasons.Monitoring),
            _ => (SensorState.Booting, StatusReasons.Booting),
        };
        return new SensorStatus(state, reason, SignalFor(state, inputs.OpenAlert, _silence.Active, inputs.Flash), _silence.Active);
    }

    private SensorStatus Publish(SensorStatus next)
    {
        if (next == _current)
            return _current;
        _current = next;
        Changed?.Invoke(next);
        return next;
    }
}
