namespace Edge.Hardware.Leds;

/// <summary>The LED test: every lamp together, then each alone, so a dead lamp or a swapped wire shows.</summary>
internal static class LedTestSequence
{
    private static readonly TimeSpan[] Steps =
        [TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500)];

    private static readonly LedLights[] Lamps = [LedLights.All, LedLights.Green, LedLights.Amber, LedLights.Red];

    public static readonly TimeSpan Length = Segments.Total(Steps);

    /// <summary>The buzzer chirps once as the test starts.</summary>
    public static readonly TimeSpan[] Chirp = [TimeSpan.FromMilliseconds(200)];

    public static bool TryGetLamps(TimeSpan sinceTestStart, out LedLights lit, out TimeSpan remaining)
    {
        var running = Segments.TryLocate(Steps, sinceTestStart, out var step, out remaining);
        lit = running ? Lamps[step] : LedLights.None;
        return running;
    }
}
