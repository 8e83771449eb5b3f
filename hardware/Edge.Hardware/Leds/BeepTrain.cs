namespace Edge.Hardware.Leds;

/// <summary>Buzzer timelines: segments alternate sounding and silent, starting sounding.</summary>
internal static class BeepTrain
{
    private static readonly TimeSpan Beep = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(100);

    public static TimeSpan[] Beeps(int times)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        var segments = new TimeSpan[(2 * times) - 1];
        for (var i = 0; i < segments.Length; i++)
            segments[i] = i % 2 == 0 ? Beep : Gap;
        return segments;
    }

    public static bool TryGetSounding(ReadOnlySpan<TimeSpan> train, TimeSpan sinceStart, out bool sounding, out TimeSpan remaining)
    {
        var running = Segments.TryLocate(train, sinceStart, out var index, out remaining);
        sounding = running && index % 2 == 0;
        return running;
    }
}
