using System.Diagnostics;
using System.Globalization;
using Edge.Benchmarks.Corpus;

namespace Edge.Benchmarks.Engine;

/// <summary><c>--detect-ratio [COPIES]</c>: the measurement of <see cref="DetectionThroughputBenchmarks"/>
/// without BenchmarkDotNet, in a few seconds: COPIES copies of the corpus (default 226, the million
/// packets of tools/perf/replay-throughput.sh) through a fresh engine, decode only and with every
/// detector, best of three each, interleaved; prints ns/packet, bytes allocated per packet and the
/// throughput ratio detection / decode only.</summary>
public static class DetectionThroughputCheck
{
    public const string Argument = "--detect-ratio";

    /// <summary>Frames in one copy of the shipped corpus.</summary>
    public const int CorpusFrames = 4428;

    private const int Runs = 3;

    public static void Run(int copies)
    {
        // edge-service compiles optimised at first call (TieredCompilationQuickJit=false); without the
        // same, most of a short run is spent in tier-0 code and the figures mean little.
        if (Environment.GetEnvironmentVariable("DOTNET_TC_QuickJit") != "0" && Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") != "0")
            Console.WriteLine("warning: run with DOTNET_TC_QuickJit=0, as edge-service runs (see README.md)");
        var replay = new CorpusReplay();
        var packets = (long)replay.FramesPerCopy * copies;
        var best = new Dictionary<ReplayObserver, (double Ns, double Bytes)>();
        for (var run = 0; run < Runs; run++)
        {
            foreach (var observer in (ReadOnlySpan<ReplayObserver>)[ReplayObserver.DecodeOnly, ReplayObserver.Detection])
            {
                var rig = new DetectionRig(observer);
                replay = new CorpusReplay();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < copies; i++)
                    replay.ProcessCopy(rig.Engine);
                clock.Stop();
                allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
                var ns = clock.Elapsed.TotalNanoseconds / packets;
                var alerts = rig.Pipeline is { } p && rig.Detection is { } d
                    ? F($" ({p.Counters.Findings:N0} findings, {p.Counters.Raised:N0} alerts; names {d.NameCacheCounters.Hits:N0} hits, {d.NameCacheCounters.Misses:N0} misses, {d.NameCacheCounters.Evictions:N0} evictions)")
                    : "";
                Console.WriteLine(F($"run {run + 1} {observer,-10} {ns,7:0.0} ns/packet {1e3 / ns,6:0.00} M packets/s {allocated / (double)packets,7:0.00} B/packet{alerts}"));
                if (!best.TryGetValue(observer, out var b) || ns < b.Ns)
                    best[observer] = (ns, allocated / (double)packets);
            }
        }
        var decode = best[ReplayObserver.DecodeOnly];
        var detect = best[ReplayObserver.Detection];
        Console.WriteLine(F($"{packets:N0} packets ({copies} copies of {replay.FramesPerCopy} frames), best of {Runs}:"));
        Console.WriteLine(F($"  decode only    {decode.Ns,7:0.0} ns/packet  {decode.Bytes:0.00} B/packet"));
        Console.WriteLine(F($"  all detectors  {detect.Ns,7:0.0} ns/packet  {detect.Bytes:0.00} B/packet"));
        Console.WriteLine(F($"  throughput ratio detection / decode only: {decode.Ns / detect.Ns:0.00}x"));
    }

    internal static void Require(DetectionRig rig, CorpusReplay replay, int copies)
    {
        if (replay.FramesPerCopy != CorpusFrames)
            throw new InvalidOperationException($"benchmark setup: the corpus has {replay.FramesPerCopy} frames, OperationsPerInvoke says {CorpusFrames}");
        var engine = rig.Engine;
        if (engine.Counters.Packets != (long)CorpusFrames * copies || engine.Errors.Total != 0)
            throw new InvalidOperationException($"benchmark setup: {engine.Counters.Packets} packets counted, {engine.Errors.Total} decode errors");
        if (rig.Pipeline is { } pipeline && pipeline.Counters.Raised == 0)
            throw new InvalidOperationException("benchmark setup: detection raised no alert on the corpus");
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
