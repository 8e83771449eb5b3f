namespace Edge.Service.Replay;

/// <summary>
/// A replay's progress on one terminal line, redrawn in place at most ten times a second and
/// erased at the end: <c>replay [##########..........]  50% 0:10 left</c>. Plain ASCII and a
/// carriage return, so any terminal shows it.
/// </summary>
internal sealed class ProgressLine(TextWriter terminal, TimeProvider time, int width)
{
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(100);
    private readonly long _started = time.GetTimestamp();
    private long _drawnAt;
    private int _drawnLength;

    public void Report(long done, long total)
    {
        long now = time.GetTimestamp();
        if (_drawnLength > 0 && done < total && time.GetElapsedTime(_drawnAt, now) < RedrawEvery)
            return;
        var line = Format(done, total, time.GetElapsedTime(_started, now), width);
        // Spaces over what a longer earlier line left behind.
        var shown = line.PadRight(_drawnLength);
        terminal.Write('\r' + shown);
        terminal.Flush();
        _drawnAt = now;
        _drawnLength = shown.Length;
    }

    public void Erase()
    {
        if (_drawnLength == 0)
            return;
        terminal.Write('\r' + new string(' ', _drawnLength) + '\r');
        terminal.Flush();
        _drawnLength = 0;
    }

    /// <summary>The line for <paramref name="done"/> of <paramref name="total"/> bytes after
    /// <paramref name="elapsed"/>, at most <paramref name="width"/> characters (the bar: 10 to 50 characters).</summary>
    public static string Format(long done, long total, TimeSpan elapsed, int width)
    {
        total = Math.Max(total, 1);
        done = Math.Clamp(done, 0, total);
        double fraction = (double)done / total;
        string percent = $"{Math.Floor(fraction * 100),3:0}%";
        string left = done == total ? "done"
            : done == 0 ? "-:-- left"
            : $"{Clock(elapsed * ((1 - fraction) / fraction))} left";
        const string Label = "replay [";
        // Room for the longest tail, "100% 99:59:59 left", so the bar keeps its length as the tail changes.
        int bar = Math.Clamp(width - Label.Length - "] ".Length - 18, 10, 50);
        int filled = (int)(fraction * bar);
        return $"{Label}{new string('#', filled)}{new string('.', bar - filled)}] {percent} {left}";
    }

    private static string Clock(TimeSpan span) =>
        span >= TimeSpan.FromHours(1) ? $"{(int)span.TotalHours}:{span:mm\\:ss}" : $"{span.Minutes}:{span:ss}";
}
