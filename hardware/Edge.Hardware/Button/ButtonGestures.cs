namespace Edge.Hardware.Button;

/// <summary>Reads the front-panel button's gestures: a short press, a 5 s hold (LED test), and a 10 s
/// hold armed factory reset confirmed by a second 3 s hold within 30 s (README.md). Timings run on the
/// debounced level and on <see cref="TimeProvider"/> timers. Events are raised on the timer's thread
/// under the gestures' lock (so in order): keep handlers short and hand long work elsewhere. The
/// button is not owned: disposing unsubscribes from it and leaves it open.</summary>
public sealed class ButtonGestures : IDisposable
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(1);

    private readonly Lock _lock = new();
    private readonly IButton _button;
    private readonly TimeProvider _time;
    private readonly ButtonTiming _timing;
    private readonly Debouncer _debouncer;
    private readonly ITimer _timer;
    private ButtonPhase _phase;
    private long _phaseStart;
    private TimeSpan? _deadline;
    private bool _disposed;

    public ButtonGestures(IButton button, TimeProvider time, ButtonTiming? timing = null)
    {
        ArgumentNullException.ThrowIfNull(button);
        ArgumentNullException.ThrowIfNull(time);
        _timing = timing ?? new ButtonTiming();
        _timing.Validate();
        _button = button;
        _time = time;
        _timer = time.CreateTimer(static state => ((ButtonGestures)state!).OnDeadline(), this,
            Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        // A button already held at start is ignored until it is released.
        _debouncer = new Debouncer(time, _timing.Debounce, button.IsPressed, OnSettled);
        button.Changed += _debouncer.OnEdge;
    }

    /// <summary>Released before the LED-test hold: silence the alert.</summary>
    public event Action? ShortPress;

    /// <summary>Released after the LED-test hold and before the factory-reset hold.</summary>
    public event Action? LedTestRequested;

    /// <summary>Raised the moment the hold reaches the factory-reset hold, while still held.</summary>
    public event Action? FactoryResetArmed;

    /// <summary>Raised the moment the confirming press reaches the confirm hold.</summary>
    public event Action? FactoryResetConfirmed;

    /// <summary>An armed reset ended without confirmation: the confirming press was too short, or none
    /// came within the window.</summary>
    public event Action? FactoryResetCancelled;

    public ButtonPhase Phase
    {
        get { lock (_lock) return _phase; }
    }

    public void Dispose()
    {
        _button.Changed -= _debouncer.OnEdge;
        _debouncer.Dispose();
        lock (_lock)
        {
            _disposed = true;
            _timer.Dispose();
        }
    }

    private void OnSettled(bool pressed)
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            if (pressed)
                OnPressed();
            else
                OnReleased();
        }
    }

    private void OnPressed()
    {
        if (_phase == ButtonPhase.Idle)
            Enter(ButtonPhase.Pressed, _timing.FactoryResetHold);
        else if (_phase == ButtonPhase.Armed)
            Enter(ButtonPhase.Confirming, _timing.ConfirmHold);
    }

    private void OnReleased()
    {
        switch (_phase)
        {
            case ButtonPhase.Pressed:
                var held = _time.GetElapsedTime(_phaseStart);
                Enter(ButtonPhase.Idle, deadline: null);
                (held < _timing.LedTestHold ? ShortPress : LedTestRequested)?.Invoke();
                break;
            case ButtonPhase.Armed:
                Enter(ButtonPhase.Armed, _timing.ConfirmWindow);
                break;
            case ButtonPhase.Confirming:
                Enter(ButtonPhase.Idle, deadline: null);
                FactoryResetCancelled?.Invoke();
                break;
        }
    }

    private void OnDeadline()
    {
        lock (_lock)
        {
            if (_disposed || _deadline is not { } deadline)
                return;
            var elapsed = _time.GetElapsedTime(_phaseStart);
            if (elapsed < deadline)
            {
                // Fired early, or just before a new phase re-armed the timer.
                var left = deadline - elapsed;
                _timer.Change(left < Shortest ? Shortest : left, Timeout.InfiniteTimeSpan);
                return;
            }
            switch (_phase)
            {
                case ButtonPhase.Pressed:
                    Enter(ButtonPhase.Armed, deadline: null);
                    FactoryResetArmed?.Invoke();
                    break;
                case ButtonPhase.Armed:
                    Enter(ButtonPhase.Idle, deadline: null);
                    FactoryResetCancelled?.Invoke();
                    break;
                case ButtonPhase.Confirming:
                    // Still held: the release that follows finds the gestures idle and is ignored.
                    Enter(ButtonPhase.Idle, deadline: null);
                    FactoryResetConfirmed?.Invoke();
                    break;
            }
        }
    }

    private void Enter(ButtonPhase phase, TimeSpan? deadline)
    {
        _phase = phase;
        _phaseStart = _time.GetTimestamp();
        _deadline = deadline;
        _timer.Change(deadline ?? Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }
}
