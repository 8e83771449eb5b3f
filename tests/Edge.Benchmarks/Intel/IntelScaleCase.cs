using System.Diagnostics;
using Edge.Detect.Intel;

namespace Edge.Benchmarks.Intel;

/// <summary>One case of the scale check, alone in its process. "Live" is
/// <c>GC.GetTotalMemory(true)</c> (full blocking collection first, so no garbage); "peak" is the
/// process's peak RSS (VmHWM, reset just before the measured operation) above its RSS before any
/// intel was loaded, so it includes uncollected garbage and memory the GC keeps committed: what
/// an appliance runs out of. The ratio divides that peak by the steady live size.</summary>
internal static class IntelScaleCase
{
    public const string Argument = "--intel-scale-case";

    public static void Run(string name, string folder)
    {
        var domains = new IntelSource(Path.Combine(folder, "domains.txt"));
        var cidrs = new IntelSource(Path.Combine(folder, "ips.txt"));
        // Warm the loader on a tiny list so JIT and type loading are not counted as intel memory.
        Warm(folder);
        var live0 = GC.GetTotalMemory(forceFullCollection: true);
        var rss0 = ProcessMemory.Resident;
        switch (name)
        {
            case "domains":
                Compile("3M domains", [domains], live0, rss0);
                break;
            case "cidrs":
                Compile("1M cidrs", [cidrs], live0, rss0);
                break;
            default:
                Update(name, [domains, cidrs], live0, rss0);
                break;
        }
    }

    private static void Compile(string label, IntelSource[] sources, long live0, long rss0)
    {
        var reset = ProcessMemory.TryResetPeak();
        var watch = Stopwatch.StartNew();
        var result = IntelLoader.Load(sources);
        watch.Stop();
        var peak = ProcessMemory.Peak - rss0;
        var live = GC.GetTotalMemory(forceFullCollection: true) - live0;
        Print($"{label}: compiled in {watch.Elapsed.TotalSeconds:F2} s, {result.Snapshot.DomainCount + result.Snapshot.CidrCount:N0} entries, " +
              $"live {Mib(live)} MiB (arrays {Mib(result.Snapshot.Bytes)} MiB), peak RSS +{Mib(peak)} MiB = {(double)peak / live:F2}x live{(reset ? "" : " (HWM not reset)")}");
        GC.KeepAlive(result);
    }

    private static void Update(string name, IntelSource[] sources, long live0, long rss0)
    {
        var holder = NewHolder(sources);
        var steady = GC.GetTotalMemory(forceFullCollection: true) - live0;
        var steadyRss = ProcessMemory.Resident - rss0;
        var reset = ProcessMemory.TryResetPeak();
        var watch = Stopwatch.StartNew();
        var result = name == "shards" ? holder.ReloadByShards(sources) : holder.Reload(sources);
        watch.Stop();
        var peak = ProcessMemory.Peak - rss0;
        result = null;
        var after = GC.GetTotalMemory(forceFullCollection: true) - live0;
        var label = name == "shards" ? "ReloadByShards" : "Reload (atomic)";
        Print($"{label}: {watch.Elapsed.TotalSeconds:F2} s; steady live {Mib(steady)} MiB (RSS +{Mib(steadyRss)} MiB); " +
              $"peak RSS during update +{Mib(peak)} MiB = {(double)peak / steady:F2}x steady live; live after {Mib(after)} MiB{(reset ? "" : " (HWM not reset)")}");
        GC.KeepAlive(holder);
        GC.KeepAlive(result);
    }

    // Out of line so no stack temporary keeps the first snapshot alive after it is swapped out.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IntelHolder NewHolder(IntelSource[] sources) => new(IntelLoader.Load(sources).Snapshot);

    private static void Warm(string folder)
    {
        var path = Path.Combine(folder, "warm-" + Environment.ProcessId + ".txt");
        File.WriteAllText(path, "warm.example\tcnc\n10.0.0.0/8\tcnc\n");
        var holder = new IntelHolder(IntelLoader.Load([path]).Snapshot);
        holder.Reload([new IntelSource(path)]);
        holder.ReloadByShards([new IntelSource(path)]);
        File.Delete(path);
    }

    private static long Mib(long bytes) => bytes >> 20;

    private static void Print(string text) => Console.WriteLine(text);
}
