namespace Edge.Hardware.Leds;

/// <summary>Plays a <see cref="LedSignal"/> on the lamps, runs the LED test and sounds the buzzer, all
/// on one timer that is armed for exactly the next edge (no thread per lamp, no polling tick). Every
/// method may be called from any thread. The scheduler does not own the lamps or the buzzer: disposing
/// it turns them off but leaves them open.</summary>
public sealed class LedScheduler : IDisposable
{
    private readonly Lock _lock = new();
    private readonly IIndicatorLights _lights;
    private readonly IBuzzer? _buzzer;
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly ITimer _timer;
    private LedSignal _current = LedSignal.Dark;
    private TimeSpan _patternStart;
    private TimeSpan? _testStart;
    private TimeSpan[]? _buzzerTrain;
    private TimeSpan _buzzerStart;
    private LedLights _lit;
    private bool _sounding;
    private bool _disposed;

    public LedScheduler(IIndicatorLights lights, TimeProvider time, IBuzzer? buzzer = null)
    {
        ArgumentNullException.ThrowIfNull(lights);
        ArgumentNullException.ThrowIfNull(time);
        _lights = lights;
        _time = time;
        _buzzer = buzzer;
        _origin = time.GetTimestamp();
        _timer = time.CreateTimer(static state => ((LedScheduler)state!).OnEdge(), this,
            Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Raised after every change of <see cref="Lit"/>, on the thread that made it and under the
    /// scheduler's lock (so in order): keep handlers short.</summary>
    public event Action<LedLights>? LightsChanged;

    /// <summary>The signal asked for last; during the LED test it waits to be shown after.</summary>
    public LedSignal Current
    {
        get { lock (_lock) return _current; }
    }

    /// <summary>The lamps lit right now.</summary>
    public LedLights Lit
    {
        get { lock (_lock) return _lit; }
    }

    public bool TestRunning
    {
        get { lock (_lock) return _testStart is not null; }
    }

    /// <summary>Shows <paramref name="signal"/> from the start of its pattern. Asking again for the signal
    /// already shown changes nothing, so a caller may repeat it on every sample without restarting the blink.</summary>
    public void Show(LedSignal signal)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (signal == _current)
                return;
            _current = signal;
            _patternStart = Now();
            Refresh();
        }
    }

    /// <summary>All lamps 1 s, then green, amber and red 0.5 s each (with a 200 ms chirp if there is a
    /// buzzer), then <see cref="Current"/> from the start of its pattern. Asked again, the test restarts.</summary>
    public void RunTest()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _testStart = Now();
            if (_buzzer is not null)
                StartBuzzer(LedTestSequence.Chirp);
            Refresh();
        }
    }

    /// <summary>Beeps <paramref name="times"/> times, 100 ms on and 100 ms off; nothing without a buzzer.
    /// A new train replaces one still sounding.</summary>
    public void Beep(int times)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_buzzer is null)
                return;
            StartBuzzer(BeepTrain.Beeps(times));
            Refresh();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            _timer.Dispose();
            if (_sounding)
                _buzzer?.Sound(false);
            _sounding = false;
            SetLit(LedLights.None);
        }
    }

    private void OnEdge()
    {
        lock (_lock)
        {
            if (!_disposed)
                Refresh();
        }
    }

    private void StartBuzzer(TimeSpan[] train)
    {
        _buzzerTrain = train;
        _buzzerStart = Now();
    }

    private TimeSpan Now() => _time.GetElapsedTime(_origin);

    private void Refresh()
    {
        var now = Now();
        var next = Timeout.InfiniteTimeSpan;
        var lit = LampsAt(now, ref next);
        var sounding = BuzzerAt(now, ref next);
        if (sounding != _sounding)
        {
            _sounding = sounding;
            _buzzer?.Sound(sounding);
        }
        _timer.Change(WholeMillisecondsUp(next), Timeout.InfiniteTimeSpan);
        SetLit(lit);
    }

    private LedLights LampsAt(TimeSpan now, ref TimeSpan next)
    {
        if (_testStart is { } testStart)
        {
            if (LedTestSequence.TryGetLamps(now - testStart, out var testLamps, out var stepLeft))
            {
                next = Sooner(next, stepLeft);
                return testLamps;
            }
            _testStart = null;
            _patternStart = testStart + LedTestSequence.Length;
        }

        var pattern = _current.Lights == LedLights.None ? LedPattern.Off : _current.Pattern;
        var sincePatternStart = now - _patternStart;
        next = Sooner(next, PatternTiming.UntilNextChange(pattern, sincePatternStart));
        return PatternTiming.IsLit(pattern, sincePatternStart) ? _current.Lights : LedLights.None;
    }

    private bool BuzzerAt(TimeSpan now, ref TimeSpan next)
    {
        if (_buzzerTrain is null)
            return false;
        if (BeepTrain.TryGetSounding(_buzzerTrain, now - _buzzerStart, out var sounding, out var segmentLeft))
        {
            next = Sooner(next, segmentLeft);
            return sounding;
        }
        _buzzerTrain = null;
        return false;
    }

    private void SetLit(LedLights lit)
    {
        if (lit == _lit)
            return;
        _lit = lit;
        _lights.Show(lit);
        LightsChanged?.Invoke(lit);
    }

    private static TimeSpan Sooner(TimeSpan a, TimeSpan b) =>
        a == Timeout.InfiniteTimeSpan ? b : b == Timeout.InfiniteTimeSpan ? a : a < b ? a : b;

    // Real timers count whole milliseconds: a due time of 0.4 ms would fire at once, find the edge not
    // reached yet, and spin. Rounding up lands on or just after the edge.
    private static TimeSpan WholeMillisecondsUp(TimeSpan due) =>
        due == Timeout.InfiniteTimeSpan
            ? due
            : TimeSpan.FromTicks((due.Ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond);
}
