using System.Globalization;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>The outcome of one fuzz run; <see cref="Failure"/> is null when nothing broke.</summary>
public sealed record FuzzReport(int Seed, long MutatedFrames, long TotalFrames, TimeSpan Elapsed, double SlowestFrameMilliseconds, string Counters, string? Failure)
{
    public double FramesPerSecond => TotalFrames / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"seed {Seed}: {MutatedFrames:N0} mutated + {TotalFrames - MutatedFrames:N0} unmutated frames in {Elapsed.TotalSeconds:F1} s = {FramesPerSecond:N0} frames/s; slowest frame {SlowestFrameMilliseconds:F2} ms; {Counters}");
}
