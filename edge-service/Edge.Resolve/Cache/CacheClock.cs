namespace Edge.Resolve.Cache;

/// <summary>Monotonic milliseconds from a <see cref="TimeProvider"/> (its timestamp, not wall time).</summary>
internal sealed class CacheClock(TimeProvider time)
{
    private readonly long _ticksPerMs = Math.Max(1, time.TimestampFrequency / 1000);

    public long NowMs => time.GetTimestamp() / _ticksPerMs;
}
