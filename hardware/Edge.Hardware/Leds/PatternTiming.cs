namespace Edge.Hardware.Leds;

/// <summary>The on/off schedule of each <see cref="LedPattern"/>, from the moment it starts
/// (table in README.md). Blinking patterns repeat their period forever, starting lit.</summary>
public static class PatternTiming
{
    private static readonly TimeSpan[] SlowBlink = [Ms(1000), Ms(1000)];
    private static readonly TimeSpan[] FastBlink = [Ms(125), Ms(125)];
    private static readonly TimeSpan[] DoubleBlink = [Ms(150), Ms(150), Ms(150), Ms(1050)];
    private static readonly TimeSpan[] Heartbeat = [Ms(100), Ms(150), Ms(100), Ms(1650)];

    public static bool IsLit(LedPattern pattern, TimeSpan sincePatternStart) => pattern switch
    {
        LedPattern.Off => false,
        LedPattern.Steady => true,
        _ => Locate(pattern, sincePatternStart, out _),
    };

    /// <summary>How long until the lamps of <paramref name="pattern"/> next switch;
    /// <see cref="Timeout.InfiniteTimeSpan"/> for patterns that never switch.</summary>
    public static TimeSpan UntilNextChange(LedPattern pattern, TimeSpan sincePatternStart)
    {
        if (pattern is LedPattern.Off or LedPattern.Steady)
            return Timeout.InfiniteTimeSpan;
        Locate(pattern, sincePatternStart, out var remaining);
        return remaining;
    }

    private static bool Locate(LedPattern pattern, TimeSpan sincePatternStart, out TimeSpan remaining)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sincePatternStart, TimeSpan.Zero);
        var schedule = Schedule(pattern);
        var intoPeriod = TimeSpan.FromTicks(sincePatternStart.Ticks % Segments.Total(schedule).Ticks);
        Segments.TryLocate(schedule, intoPeriod, out var index, out remaining);
        return index % 2 == 0;
    }

    private static TimeSpan[] Schedule(LedPattern pattern) => pattern switch
    {
        LedPattern.SlowBlink => SlowBlink,
        LedPattern.FastBlink => FastBlink,
        LedPattern.DoubleBlink => DoubleBlink,
        LedPattern.Heartbeat => Heartbeat,
        _ => throw new ArgumentOutOfRangeException(nameof(pattern), pattern, "not a blinking pattern"),
    };

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
