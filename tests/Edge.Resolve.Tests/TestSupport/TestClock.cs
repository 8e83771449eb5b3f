namespace Edge.Resolve.Tests.TestSupport;

/// <summary>A clock that moves only when the test says so.</summary>
public sealed class TestClock : TimeProvider
{
    private long _ticks = 1_000_000_000L;

    public override long TimestampFrequency => 1_000_000_000L;

    public override long GetTimestamp() => _ticks;

    public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero).AddTicks(_ticks / 100);

    public void Advance(TimeSpan by) => _ticks += (long)(by.TotalSeconds * 1_000_000_000L);
}
