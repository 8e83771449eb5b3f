namespace Edge.Watch.Tests.Fuzz;

/// <summary>Runs a fuzz run on a background thread and watches the clock: a frame that never
/// returns (an endless loop) fails the run when the budget runs out instead of hanging the tests.</summary>
public static class EngineFuzzer
{
    public static FuzzReport Run(FuzzSettings settings, IReadOnlyList<FuzzSeed> seeds)
    {
        var warmUp = WarmUp(seeds);
        if (warmUp is not null)
            return new FuzzReport(settings.Seed, 0, 0, TimeSpan.Zero, 0, "", warmUp);
        var run = new FuzzRun(settings, seeds);
        var thread = new Thread(run.Execute) { IsBackground = true, Name = "engine-fuzz" };
        thread.Start();
        return thread.Join(settings.Budget) ? run.Report! : run.Abandon();
    }

    /// <summary>The corpus itself must pass, and passing it warms the JIT so the per-frame limit measures the engine.</summary>
    private static string? WarmUp(IReadOnlyList<FuzzSeed> seeds)
    {
        var guard = new GuardedEngine(TimeSpan.FromSeconds(10));
        var timestamp = 1_600_000_000_000_000L;
        foreach (var seed in seeds)
        {
            var failure = guard.Feed(seed.LinkType, timestamp += 1000, seed.Data);
            if (failure is not null)
                return $"unmutated corpus frame {seed.Source}: {failure}";
        }
        return guard.Finish();
    }
}
