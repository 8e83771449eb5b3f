namespace Edge.Hardware.Tests.Leds;

/// <summary>Passes everything to the inner clock, counting the timers asked of it and their callbacks.</summary>
internal sealed class CountingTimeProvider(TimeProvider inner) : TimeProvider
{
    public int TimersCreated { get; private set; }

    public int Callbacks { get; private set; }

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        TimersCreated++;
        return inner.CreateTimer(s =>
        {
            Callbacks++;
            callback(s);
        }, state, dueTime, period);
    }
}
