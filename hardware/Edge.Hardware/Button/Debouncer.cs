namespace Edge.Hardware.Button;

/// <summary>Turns the pin's raw edges into settled levels: a level counts once the pin has held it for
/// the debounce time, checked on a timer (never by sleeping). A settled level lags the pin by that time.</summary>
internal sealed class Debouncer : IDisposable
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(1);

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _debounce;
    private readonly Action<bool> _settled;
    private readonly ITimer _timer;
    private bool _raw;
    private bool _stable;
    private long _lastEdge;
    private bool _disposed;

    /// <param name="settled">Called with each new settled level, under the debouncer's lock.</param>
    public Debouncer(TimeProvider time, TimeSpan debounce, bool level, Action<bool> settled)
    {
        _time = time;
        _debounce = debounce;
        _settled = settled;
        _raw = _stable = level;
        _timer = time.CreateTimer(static state => ((Debouncer)state!).OnQuiet(), this,
            Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void OnEdge(bool level)
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            _raw = level;
            _lastEdge = _time.GetTimestamp();
            _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _timer.Dispose();
        }
    }

    private void OnQuiet()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            var quiet = _time.GetElapsedTime(_lastEdge);
            if (quiet < _debounce)
            {
                // A timer that fired early or a moment before the latest edge re-armed it.
                var left = _debounce - quiet;
                _timer.Change(left < Shortest ? Shortest : left, Timeout.InfiniteTimeSpan);
                return;
            }
            if (_raw == _stable)
                return;
            _stable = _raw;
            _settled(_stable);
        }
    }
}
