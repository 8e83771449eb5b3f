using BenchmarkDotNet.Attributes;
using Edge.Benchmarks.Corpus;
using Edge.Watch.Link;
using Edge.Watch.Pipeline;

namespace Edge.Benchmarks.Engine;

/// <summary>One frame through <see cref="WatchEngine.Process"/> as the first packet of a new connection:
/// flow creation (and, once the table is full, eviction) plus the DNS/TLS/HTTP parse. A ClientHello or
/// HTTP head seen again on the same flow would be dropped as a retransmission, so every operation
/// stamps a fresh client port and address into a private copy of the frame.</summary>
[MemoryDiagnoser]
public class NewFlowBenchmarks
{
    private const int Batch = 1024;
    // 50,000 new connections per second of capture time: expiry sweeps run, the flow table stays at its cap.
    private const long MicrosBetweenFlows = 20;

    private WatchEngine _engine = null!;
    private FlowStamper _stamper = null!;
    private LinkType _linkType;
    private int _wireLength;
    private long _now;
    private uint _flow;

    [Params(FrameKind.DnsQuery, FrameKind.DnsResponse, FrameKind.TlsClientHello, FrameKind.HttpGet)]
    public FrameKind Frame { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var sample = SampleFrames.Get(Frame);
        _stamper = new FlowStamper(sample);
        _linkType = sample.LinkType;
        _wireLength = sample.WireLength;
        _now = sample.TimestampMicros;
        _engine = new WatchEngine(new WatchOptions(), NullWatchObserver.Instance);
        Run();
        EngineChecks.EveryFrameParsed(_engine, Frame, Batch);
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void Run()
    {
        var engine = _engine;
        var frame = _stamper.Frame;
        for (var i = 0; i < Batch; i++)
        {
            _stamper.Stamp(_flow++);
            _now += MicrosBetweenFlows;
            engine.Process(_linkType, _now, frame, _wireLength);
        }
    }
}
