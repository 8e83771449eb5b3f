using Edge.Hardware.Leds;

namespace Edge.Hardware.Tests.Leds;

public class PatternTimingTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public void Off_is_never_lit_and_never_changes()
    {
        foreach (var at in new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(5) })
        {
            Assert.False(PatternTiming.IsLit(LedPattern.Off, at));
            Assert.Equal(Timeout.InfiniteTimeSpan, PatternTiming.UntilNextChange(LedPattern.Off, at));
        }
    }

    [Fact]
    public void Steady_is_always_lit_and_never_changes()
    {
        foreach (var at in new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(5) })
        {
            Assert.True(PatternTiming.IsLit(LedPattern.Steady, at));
            Assert.Equal(Timeout.InfiniteTimeSpan, PatternTiming.UntilNextChange(LedPattern.Steady, at));
        }
    }

    // Every edge of two whole periods and the first edge of the third; lit from 0, then alternating.
    [Theory]
    [InlineData(LedPattern.SlowBlink, new[] { 0, 1000, 2000, 3000, 4000 })]
    [InlineData(LedPattern.FastBlink, new[] { 0, 125, 250, 375, 500 })]
    [InlineData(LedPattern.DoubleBlink, new[] { 0, 150, 300, 450, 1500, 1650, 1800, 1950, 3000 })]
    [InlineData(LedPattern.Heartbeat, new[] { 0, 100, 250, 350, 2000, 2100, 2250, 2350, 4000 })]
    public void A_blinking_pattern_switches_exactly_at_each_edge(LedPattern pattern, int[] edgesMs)
    {
        for (var i = 0; i < edgesMs.Length; i++)
        {
            var edge = TimeSpan.FromMilliseconds(edgesMs[i]);
            var litAfter = i % 2 == 0;
            Assert.Equal(litAfter, PatternTiming.IsLit(pattern, edge));
            if (i > 0)
                Assert.Equal(!litAfter, PatternTiming.IsLit(pattern, edge - Tick));
            if (i + 1 < edgesMs.Length)
            {
                var gap = TimeSpan.FromMilliseconds(edgesMs[i + 1] - edgesMs[i]);
                Assert.Equal(gap, PatternTiming.UntilNextChange(pattern, edge));
                Assert.Equal(gap - TimeSpan.FromMilliseconds(1), PatternTiming.UntilNextChange(pattern, edge + TimeSpan.FromMilliseconds(1)));
                Assert.Equal(Tick, PatternTiming.UntilNextChange(pattern, edge + gap - Tick));
            }
        }
    }

    [Theory]
    [InlineData(LedPattern.SlowBlink, 2000)]
    [InlineData(LedPattern.FastBlink, 250)]
    [InlineData(LedPattern.DoubleBlink, 1500)]
    [InlineData(LedPattern.Heartbeat, 2000)]
    public void A_pattern_repeats_after_its_period_even_after_days(LedPattern pattern, int periodMs)
    {
        var days = TimeSpan.FromDays(3) - TimeSpan.FromTicks(TimeSpan.FromDays(3).Ticks % TimeSpan.FromMilliseconds(periodMs).Ticks);
        for (var ms = 0; ms < periodMs; ms += 25)
        {
            var at = TimeSpan.FromMilliseconds(ms);
            Assert.Equal(PatternTiming.IsLit(pattern, at), PatternTiming.IsLit(pattern, days + at));
            Assert.Equal(PatternTiming.UntilNextChange(pattern, at), PatternTiming.UntilNextChange(pattern, days + at));
        }
    }

    [Fact]
    public void A_time_before_the_pattern_started_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PatternTiming.IsLit(LedPattern.Heartbeat, TimeSpan.FromMilliseconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PatternTiming.UntilNextChange(LedPattern.FastBlink, TimeSpan.FromMilliseconds(-1)));
    }
}
