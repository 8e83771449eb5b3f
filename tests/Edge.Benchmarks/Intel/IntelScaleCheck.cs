using System.Diagnostics;
using Edge.Detect.Intel;

namespace Edge.Benchmarks.Intel;

/// <summary><c>dotnet run -c Release --project tests/Edge.Benchmarks -- --intel-scale</c>:
/// compiles 3,000,000 synthetic domains and 1,000,000 CIDRs from files, then reloads while the
/// old snapshot is live, and prints time and managed memory (steady vs peak, sampled every ms).</summary>
internal static class IntelScaleCheck
{
    public static void Run()
    {
        var folder = Path.Combine(Path.GetTempPath(), "edge-intel-scale");
        Directory.CreateDirectory(folder);
        var domains = Path.Combine(folder, "domains.txt");
        var cidrs = Path.Combine(folder, "ips.txt");
        SyntheticIntel.WriteDomains(domains, 3_000_000);
        SyntheticIntel.WriteCidrs(cidrs, 1_000_000);
        Console.WriteLine($"files: domains {new FileInfo(domains).Length >> 20} MiB, cidrs {new FileInfo(cidrs).Length >> 20} MiB");

        Measure("3M domains", [new IntelSource(domains)]);
        Measure("1M cidrs", [new IntelSource(cidrs)]);
        var both = new[] { new IntelSource(domains), new IntelSource(cidrs) };
        var baseline = Heap();
        var holder = NewHolder(both);
        var steady = Heap() - baseline;
        Console.WriteLine($"steady: snapshot {holder.Current.Bytes >> 20} MiB arrays, heap +{steady >> 20} MiB");
        foreach (var (name, reload) in new (string, Func<IntelUpdateResult>)[]
                 { ("Reload (atomic)", () => holder.Reload(both)), ("ReloadByShards", () => holder.ReloadByShards(both)) })
        {
            var (peak, elapsed) = Sampled(() => reload());
            Console.WriteLine($"{name}: {elapsed.TotalSeconds:F2} s, peak heap +{(peak - baseline) >> 20} MiB = {(double)(peak - baseline) / steady:F2}x steady, after +{(Heap() - baseline) >> 20} MiB");
        }
        GC.KeepAlive(holder);
        Directory.Delete(folder, recursive: true);
    }

    private static void Measure(string name, IReadOnlyList<IntelSource> sources)
    {
        var baseline = Heap();
        IntelLoadResult? result = null;
        var (peak, elapsed) = Sampled(() => result = IntelLoader.Load(sources));
        var retained = Heap() - baseline;
        Console.WriteLine($"{name}: compiled in {elapsed.TotalSeconds:F2} s, {result!.Snapshot.DomainCount + result.Snapshot.CidrCount:N0} entries, " +
            $"retained {retained >> 20} MiB, peak during compile +{(peak - baseline) >> 20} MiB, bad {result.Report.BadLines}");
        GC.KeepAlive(result);
    }

    // Out of line so no stack temporary keeps the first snapshot alive after it is swapped out.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IntelHolder NewHolder(IntelSource[] sources) => new(IntelLoader.Load(sources).Snapshot);

    private static long Heap() => GC.GetTotalMemory(forceFullCollection: true);

    /// <summary>Runs <paramref name="work"/> while a thread samples the managed heap size.</summary>
    private static (long Peak, TimeSpan Elapsed) Sampled(Action work)
    {
        long peak = GC.GetTotalMemory(false);
        var done = false;
        var sampler = new Thread(() =>
        {
            while (!Volatile.Read(ref done))
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                Thread.Sleep(1);
            }
        });
        sampler.Start();
        var watch = Stopwatch.StartNew();
        work();
        watch.Stop();
        Volatile.Write(ref done, true);
        sampler.Join();
        return (peak, watch.Elapsed);
    }
}
