using BenchmarkDotNet.Attributes;
using Edge.Benchmarks.Corpus;

namespace Edge.Benchmarks.Engine;

/// <summary>The whole corpus (every pcap, 4,428 frames) through <c>WatchEngine.Process</c>, one copy
/// per invocation with times shifted as <c>edgectl synth --repeat</c> does, decode only against all
/// detectors with the corpus intel: one operation is one packet, so Mean is ns/packet and the ratio
/// of the two rows is the detection cost the replay throughput script measures end to end.</summary>
[MemoryDiagnoser]
public class DetectionThroughputBenchmarks
{
    // Copies run in setup so flows, series, alerts and caches are in their steady state.
    private const int WarmCopies = 30;

    private CorpusReplay _replay = null!;
    private DetectionRig _rig = null!;

    [Params(ReplayObserver.DecodeOnly, ReplayObserver.Detection)]
    public ReplayObserver Observer { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _replay = new CorpusReplay();
        _rig = new DetectionRig(Observer);
        for (var i = 0; i < WarmCopies; i++)
            _replay.ProcessCopy(_rig.Engine);
        DetectionThroughputCheck.Require(_rig, _replay, WarmCopies);
    }

    // BenchmarkDotNet needs a constant here: FramesPerCopy of the shipped corpus, checked in Setup.
    [Benchmark(OperationsPerInvoke = DetectionThroughputCheck.CorpusFrames)]
    public void Replay() => _replay.ProcessCopy(_rig.Engine);
}
