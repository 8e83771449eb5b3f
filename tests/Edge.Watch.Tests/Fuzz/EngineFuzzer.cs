using System.Diagnostics;
using System.Globalization;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>Walks the corpus in capture order, feeding each frame mutated and, half the time, also
/// unmutated right after, so TCP streams, DNS-over-TCP and TLS reassembly and IP fragment
/// reassembly stay reachable. The first failure ends the run and is written to a hex file.</summary>
public static class EngineFuzzer
{
    private const int HistoryFrames = 32;

    public static FuzzReport Run(FuzzSettings settings, IReadOnlyList<FuzzSeed> seeds)
    {
        var random = new Random(settings.Seed);
        var mutator = new FrameMutator(random, seeds);
        var clock = new FuzzClock(random);
        var log = new MutationLog();
        var buffer = new byte[FrameMutator.MaxFrame];
        var history = new FrameHistory(HistoryFrames);

        // The corpus itself must pass, and it warms the JIT so the per-frame limit measures the engine.
        var warmUp = new GuardedEngine(TimeSpan.FromSeconds(10));
        foreach (var seed in seeds)
        {
            var failure = warmUp.Feed(seed.LinkType, clock.Next(), seed.Data);
            if (failure is not null)
                return Report(settings, 0, 0, TimeSpan.Zero, warmUp, $"unmutated corpus frame {seed.Source}: {failure}");
        }

        var guard = new GuardedEngine(settings.MaxFrameTime, history);
        var stopwatch = Stopwatch.StartNew();
        long mutated = 0, total = 0;
        var cursor = 0;
        while (mutated < settings.Frames)
        {
            var seed = seeds[cursor];
            cursor = cursor + 1 == seeds.Count ? 0 : cursor + 1;
            var length = mutator.Mutate(seed, buffer, log);
            mutated++;
            total++;
            var failure = guard.Feed(seed.LinkType, clock.Next(), buffer.AsSpan(0, length));
            if (failure is null && random.Next(2) == 0)
            {
                total++;
                failure = guard.Feed(seed.LinkType, clock.Next(), seed.Data);
                if (failure is not null)
                    failure = $"the unmutated frame after the mutated one: {failure}";
            }
            if (failure is null && (mutated & 4095) == 0 && stopwatch.Elapsed > settings.Budget)
                failure = $"stall: {mutated:N0} frames took longer than the {settings.Budget.TotalSeconds:F0} s budget";
            if (failure is not null)
                return Fail(settings, mutated, total, stopwatch.Elapsed, guard, log, history, failure);
        }
        var end = guard.Finish();
        if (end is not null)
            return Fail(settings, mutated, total, stopwatch.Elapsed, guard, log, history, $"flushing the flow table: {end}");
        return Report(settings, mutated, total, stopwatch.Elapsed, guard, null);
    }

    private static FuzzReport Fail(FuzzSettings settings, long mutated, long total, TimeSpan elapsed, GuardedEngine guard, MutationLog log, FrameHistory history, string failure)
    {
        var frames = history.ToList();
        var path = Path.Combine(settings.FailureDirectory, string.Create(CultureInfo.InvariantCulture, $"seed-{settings.Seed}-frame-{total}.hex"));
        var headline = failure.Split('\n')[0].Trim();
        HexInput.Write(path,
            [
                $"fuzz failure: {headline}",
                $"seed {settings.Seed}, frame {total} (mutated {mutated}); last mutation {log}",
                $"reproduce: EDGE_FUZZ_SEED={settings.Seed} EDGE_FUZZ_FRAMES={mutated} dotnet test --project tests/Edge.Watch.Tests --filter-class \"*EngineFuzzTests\"",
                $"the last {frames.Count} frames fed, failing frame last",
            ],
            frames);
        var message = $"{failure}\nlast mutation {log}\nfailing frame: {Convert.ToHexStringLower(frames[^1])}\nwritten to {path}";
        return Report(settings, mutated, total, elapsed, guard, message);
    }

    private static FuzzReport Report(FuzzSettings settings, long mutated, long total, TimeSpan elapsed, GuardedEngine guard, string? failure)
    {
        var observer = guard.Observer;
        var counters = guard.Engine.Counters;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"engine: {counters.Packets:N0} packets, {guard.Engine.Errors.Total:N0} decode errors, {counters.Reassembled:N0} reassembled; observer: {observer.Packets:N0} packets, {observer.DnsMessages:N0} dns ({observer.DnsRecords:N0} records), {observer.TlsHellos:N0} tls, {observer.HttpRequests:N0} http, {observer.FlowEnds:N0} flow ends");
        var slowest = guard.SlowestFrameTicks * 1000.0 / Stopwatch.Frequency;
        return new FuzzReport(settings.Seed, mutated, total, elapsed, slowest, text, failure);
    }
}
