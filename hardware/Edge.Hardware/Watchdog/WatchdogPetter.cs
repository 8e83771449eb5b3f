namespace Edge.Hardware.Watchdog;

/// <summary>Pets a watchdog on every interval tick, but only while the sensor says it is healthy: a
/// sensor that stays unhealthy for the watchdog's timeout is rebooted. The interval should be at most
/// half the device's timeout. The device is not owned, but stopping with <c>disarm</c> disarms it
/// (which closes a <see cref="LinuxWatchdogDevice"/>).</summary>
public sealed class WatchdogPetter : IDisposable
{
    private readonly Lock _lock = new();
    private readonly IWatchdogDevice _device;
    private readonly Func<bool> _healthy;
    private readonly ITimer _timer;
    private long _pets;
    private long _skipped;
    private string? _lastSkipReason;
    private volatile bool _stopped;

    /// <param name="healthy">Asked on every tick, outside the petter's lock, so it may take the caller's
    /// own locks while the caller stops the petter under them.</param>
    public WatchdogPetter(IWatchdogDevice device, Func<bool> healthy, TimeSpan interval, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(healthy);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _device = device;
        _healthy = healthy;
        _timer = time.CreateTimer(static state => ((WatchdogPetter)state!).OnTick(), this, interval, interval);
    }

    public long Pets
    {
        get { lock (_lock) return _pets; }
    }

    /// <summary>Ticks that did not pet: unhealthy, or the pet failed.</summary>
    public long Skipped
    {
        get { lock (_lock) return _skipped; }
    }

    /// <summary>Why the latest skipped tick skipped, or null if none has.</summary>
    public string? LastSkipReason
    {
        get { lock (_lock) return _lastSkipReason; }
    }

    public bool Stopped => _stopped;

    /// <summary>Stops petting; with <paramref name="disarm"/> also disarms the device (a clean stop).
    /// Without, the device counts down and reboots the board.</summary>
    public void Stop(bool disarm)
    {
        lock (_lock)
        {
            if (_stopped)
                return;
            _stopped = true;
            _timer.Dispose();
            if (disarm)
                _device.Disarm();
        }
    }

    public void Dispose() => Stop(disarm: true);

    private void OnTick()
    {
        if (_stopped)
            return;
        var skipReason = AskHealthy();
        lock (_lock)
        {
            if (_stopped)
                return;
            skipReason ??= TryPet();
            if (skipReason is null)
            {
                _pets++;
                return;
            }
            _skipped++;
            _lastSkipReason = skipReason;
        }
    }

    private string? AskHealthy()
    {
        try
        {
            return _healthy() ? null : "not healthy";
        }
        catch (Exception e)
        {
            return $"health check failed: {e.Message}";
        }
    }

    // A failed pet is counted, not thrown: an exception on a timer thread would end the process at once.
    private string? TryPet()
    {
        try
        {
            _device.Pet();
            return null;
        }
        catch (Exception e)
        {
            return $"pet failed: {e.Message}";
        }
    }
}
