namespace Edge.Hardware.Leds;

/// <summary>A timeline of back-to-back segments (a blink pattern, the LED test, a beep train):
/// which segment holds at a moment, and how long it still holds. Each segment includes its start and
/// excludes its end, so at an exact edge the next segment already holds.</summary>
internal static class Segments
{
    public static TimeSpan Total(ReadOnlySpan<TimeSpan> segments)
    {
        var total = TimeSpan.Zero;
        foreach (var segment in segments)
            total += segment;
        return total;
    }

    /// <summary>The index of the segment holding at <paramref name="at"/> and the time left in it, or
    /// false once the timeline is over.</summary>
    public static bool TryLocate(ReadOnlySpan<TimeSpan> segments, TimeSpan at, out int index, out TimeSpan remaining)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(at, TimeSpan.Zero);
        var end = TimeSpan.Zero;
        for (index = 0; index < segments.Length; index++)
        {
            end += segments[index];
            if (at < end)
            {
                remaining = end - at;
                return true;
            }
        }
        remaining = Timeout.InfiniteTimeSpan;
        return false;
    }
}
