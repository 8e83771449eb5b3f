namespace Edge.Cli.Reports;

/// <summary>A silence of a sensor: no heartbeat vouches for it from <see cref="FromMs"/> to <see cref="ToMs"/>.</summary>
public sealed record DataGap(long FromMs, long ToMs)
{
    public TimeSpan Length => TimeSpan.FromMilliseconds(ToMs - FromMs);
}

/// <summary>One sensor's availability over its observation window: the share of the window its
/// heartbeats cover, and the silences longer than the report's gap threshold.</summary>
public sealed record SensorAvailability(string Agency, string Sensor, long WindowFromMs, long WindowToMs, long CoveredMs, IReadOnlyList<DataGap> Gaps)
{
    public long WindowMs => WindowToMs - WindowFromMs;

    /// <summary>Percent of the window covered; null when the window is empty (the sensor came after the period or the report's time).</summary>
    public double? UptimePercent => WindowMs > 0 ? 100.0 * CoveredMs / WindowMs : null;

    public static SensorAvailability Compute(string agency, string sensor, IEnumerable<(long StartMs, long EndMs)> intervals,
        long windowFromMs, long windowToMs, TimeSpan minGap)
    {
        var gaps = new List<DataGap>();
        if (windowToMs <= windowFromMs)
            return new SensorAvailability(agency, sensor, windowFromMs, Math.Max(windowFromMs, windowToMs), 0, gaps);
        var minGapMs = (long)minGap.TotalMilliseconds;
        long covered = 0;
        var cursor = windowFromMs;
        // Intervals may overlap (two collectors write their own): merged by sweeping in start order.
        foreach (var (start, end) in Clip(intervals, windowFromMs, windowToMs).OrderBy(i => i.StartMs).ThenBy(i => i.EndMs))
        {
            if (start > cursor)
            {
                AddGap(gaps, cursor, start, minGapMs);
                cursor = start;
            }
            if (end > cursor)
            {
                covered += end - cursor;
                cursor = end;
            }
        }
        AddGap(gaps, cursor, windowToMs, minGapMs);
        return new SensorAvailability(agency, sensor, windowFromMs, windowToMs, covered, gaps);
    }

    private static IEnumerable<(long StartMs, long EndMs)> Clip(IEnumerable<(long StartMs, long EndMs)> intervals, long from, long to)
    {
        foreach (var (start, end) in intervals)
        {
            var s = Math.Max(start, from);
            var e = Math.Min(end, to);
            if (e > s)
                yield return (s, e);
        }
    }

    private static void AddGap(List<DataGap> gaps, long from, long to, long minGapMs)
    {
        if (to - from > minGapMs)
            gaps.Add(new DataGap(from, to));
    }
}
