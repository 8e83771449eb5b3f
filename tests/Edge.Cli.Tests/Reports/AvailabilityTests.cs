using Edge.Cli.Reports;

namespace Edge.Cli.Tests.Reports;

public sealed class AvailabilityTests
{
    private const long Minute = 60_000;
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    [Fact]
    public void Overlapping_intervals_from_two_collectors_count_once()
    {
        // Collector A saw 0-60 and collector B 30-90 and 90-100: covered 0-100 once, not 60 + 60 + 10.
        var a = SensorAvailability.Compute("a", "s", [(0, 60 * Minute), (30 * Minute, 90 * Minute), (90 * Minute, 100 * Minute), (10 * Minute, 20 * Minute)],
            0, 100 * Minute, TenMinutes);

        Assert.Equal(100 * Minute, a.CoveredMs);
        Assert.Equal(100.0, a.UptimePercent);
        Assert.Empty(a.Gaps);
    }

    [Fact]
    public void Silences_longer_than_the_threshold_are_gaps_including_at_the_window_edges()
    {
        // Window 0-200 min: silent 0-15 (gap), 50-55 (5 min: not a gap), 80-120 (gap), 190-200 (exactly 10: not a gap).
        var a = SensorAvailability.Compute("a", "s", [(15 * Minute, 50 * Minute), (55 * Minute, 80 * Minute), (120 * Minute, 190 * Minute)],
            0, 200 * Minute, TenMinutes);

        Assert.Equal([new DataGap(0, 15 * Minute), new DataGap(80 * Minute, 120 * Minute)], a.Gaps);
        Assert.Equal(130 * Minute, a.CoveredMs);
        Assert.Equal(65.0, a.UptimePercent);
    }

    [Fact]
    public void Intervals_are_clipped_to_the_window()
    {
        var a = SensorAvailability.Compute("a", "s", [(-500 * Minute, 30 * Minute), (90 * Minute, 900 * Minute)], 0, 100 * Minute, TenMinutes);

        Assert.Equal(40 * Minute, a.CoveredMs);
        Assert.Equal([new DataGap(30 * Minute, 90 * Minute)], a.Gaps);
    }

    [Fact]
    public void A_sensor_never_heard_in_its_window_is_one_gap_at_zero_percent_and_an_empty_window_has_no_figure()
    {
        var silent = SensorAvailability.Compute("a", "s", [], 0, 100 * Minute, TenMinutes);
        var empty = SensorAvailability.Compute("a", "s", [(0, 10)], 100 * Minute, 50 * Minute, TenMinutes);

        Assert.Equal(0.0, silent.UptimePercent);
        Assert.Equal([new DataGap(0, 100 * Minute)], silent.Gaps);
        Assert.Null(empty.UptimePercent);
        Assert.Empty(empty.Gaps);
    }
}
