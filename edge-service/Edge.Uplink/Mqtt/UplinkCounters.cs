namespace Edge.Uplink.Mqtt;

/// <summary>The uplink's counters, updated from several tasks at once.</summary>
public sealed class UplinkCounters
{
    private readonly TimeProvider _time;
    private long _sent;
    private long _failed;
    private long _connects;
    private long _connectFailures;
    private long _deadLinks;
    private long _commands;
    private long _heartbeats;
    private long _sessionsLost;
    private long _redelivered;
    private volatile bool _connected;
    private volatile ErrorNote? _lastError;

    public UplinkCounters(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public void Sent() => Interlocked.Increment(ref _sent);

    public void Failed(string error)
    {
        Interlocked.Increment(ref _failed);
        Error(error);
    }

    public void Connected()
    {
        Interlocked.Increment(ref _connects);
        _connected = true;
    }

    public void Disconnected() => _connected = false;

    public void ConnectFailed(string error)
    {
        Interlocked.Increment(ref _connectFailures);
        Error(error);
    }

    public void DeadLink(string error)
    {
        Interlocked.Increment(ref _deadLinks);
        Error(error);
    }

    public void CommandReceived() => Interlocked.Increment(ref _commands);

    /// <summary>The broker had lost the sensor's session; <paramref name="redelivered"/> kept messages are pending again.</summary>
    public void SessionLost(int redelivered)
    {
        Interlocked.Increment(ref _sessionsLost);
        Interlocked.Add(ref _redelivered, redelivered);
    }

    public void HeartbeatSent() => Interlocked.Increment(ref _heartbeats);

    public void Error(string error) => _lastError = new ErrorNote(error, _time.GetUtcNow());

    public UplinkStats Snapshot()
    {
        var connects = Interlocked.Read(ref _connects);
        var error = _lastError;
        return new UplinkStats(_connected, Interlocked.Read(ref _sent), Interlocked.Read(ref _failed), connects,
            Math.Max(0, connects - 1), Interlocked.Read(ref _connectFailures), Interlocked.Read(ref _deadLinks),
            Interlocked.Read(ref _commands), Interlocked.Read(ref _heartbeats), error?.Text, error?.At,
            Interlocked.Read(ref _sessionsLost), Interlocked.Read(ref _redelivered));
    }

    private sealed record ErrorNote(string Text, DateTimeOffset At);
}
