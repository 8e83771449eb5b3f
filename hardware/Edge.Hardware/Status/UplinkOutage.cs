namespace Edge.Hardware.Status;

/// <summary>How long the uplink has been down while the pipeline runs. A sensor that never connected
/// counts from when the pipeline started.</summary>
internal sealed class UplinkOutage
{
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _downSince;

    public bool EverConnected { get; private set; }

    /// <summary>The length of the outage so far, or null while connected or not started.</summary>
    public TimeSpan? Observe(bool started, bool connected, DateTimeOffset now)
    {
        if (connected)
        {
            EverConnected = true;
            _downSince = null;
        }
        else
        {
            _downSince ??= now;
        }

        if (!started)
        {
            _startedAt = null;
            return null;
        }
        _startedAt ??= now;
        if (connected)
            return null;
        var since = _downSince!.Value > _startedAt.Value ? _downSince.Value : _startedAt.Value;
        return now - since;
    }
}
