using BenchmarkDotNet.Attributes;
using Edge.Benchmarks.Corpus;
using Edge.Watch.Link;
using Edge.Watch.Pipeline;

namespace Edge.Benchmarks.Engine;

/// <summary>One frame through <see cref="WatchEngine.Process"/> on a flow that already exists: the bulk
/// of a real capture (ACKs and data the engine has decided not to inspect).</summary>
[MemoryDiagnoser]
public class SameFlowBenchmarks
{
    private const int Batch = 1024;
    private const long MicrosBetweenPackets = 10;

    private WatchEngine _engine = null!;
    private byte[] _frame = null!;
    private LinkType _linkType;
    private int _wireLength;
    private long _now;

    [Params(FrameKind.TcpAck, FrameKind.TcpData)]
    public FrameKind Frame { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var sample = SampleFrames.Get(Frame);
        _frame = sample.Data;
        _linkType = sample.LinkType;
        _wireLength = sample.WireLength;
        _now = sample.TimestampMicros;
        _engine = new WatchEngine(new WatchOptions(), NullWatchObserver.Instance);
        Run();
        EngineChecks.OneFlow(_engine, Batch);
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void Run()
    {
        var engine = _engine;
        for (var i = 0; i < Batch; i++)
        {
            _now += MicrosBetweenPackets;
            engine.Process(_linkType, _now, _frame, _wireLength);
        }
    }
}
