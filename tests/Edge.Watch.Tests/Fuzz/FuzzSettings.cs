using System.Globalization;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>How long and from where a fuzz run goes; EDGE_FUZZ_FRAMES and EDGE_FUZZ_SEED override the CI values.</summary>
public sealed record FuzzSettings(long Frames, int Seed, TimeSpan Budget, TimeSpan MaxFrameTime, string FailureDirectory)
{
    public const long CiFrames = 1_000_000;

    public static FuzzSettings FromEnvironment(int defaultSeed)
    {
        var frames = Read("EDGE_FUZZ_FRAMES", CiFrames);
        var seed = (int)Read("EDGE_FUZZ_SEED", defaultSeed);
        // Debug on two cores does about 100k frames/s; a budget of 60 s per million still only
        // trips on a real stall (something quadratic), not on a slow machine.
        var budget = TimeSpan.FromSeconds(Math.Max(60, frames * 60 / 1_000_000));
        return new FuzzSettings(frames, seed, budget, TimeSpan.FromMilliseconds(200), Path.Combine(AppContext.BaseDirectory, "fuzz-failures"));
    }

    private static long Read(string name, long fallback)
    {
        var text = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(text) ? fallback : long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
    }
}
