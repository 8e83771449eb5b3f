namespace Edge.Uplink.Mqtt;

/// <summary>Exponential backoff with full jitter: the n-th retry waits a uniformly random time
/// between the minimum and min(max, minimum·2ⁿ), so a fleet cut off by a broker restart comes back
/// spread out, and no sensor retries faster than the minimum.</summary>
public sealed class ReconnectBackoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private readonly Func<double> _random;

    public ReconnectBackoff(TimeSpan min, TimeSpan max, Func<double>? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        _min = min;
        _max = max;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>The largest wait of retry <paramref name="attempt"/> (0 is the first retry).</summary>
    public TimeSpan Ceiling(int attempt)
    {
        var ceiling = _min.TotalSeconds * Math.Pow(2, Math.Clamp(attempt, 0, 62));
        return ceiling >= _max.TotalSeconds ? _max : TimeSpan.FromSeconds(ceiling);
    }

    public TimeSpan Delay(int attempt)
    {
        var ceiling = Ceiling(attempt);
        var fraction = Math.Clamp(_random(), 0, 1);
        return _min + (ceiling - _min) * fraction;
    }
}
