using BenchmarkDotNet.Attributes;
using Edge.Benchmarks.Corpus;
using Edge.Detect.Evidence;
using Edge.Watch.Flows;
using Edge.Watch.Link;
using Edge.Watch.Packets;

namespace Edge.Benchmarks.Evidence;

/// <summary>What the evidence recorder adds per packet: <see cref="EvidenceRecorder.OnPacket"/> of a
/// decoded frame (copy into the ring, flow index, record), cycling over many flows, default options
/// (8 MiB ring, 65,536 records, 2,048-byte snap).</summary>
[MemoryDiagnoser]
public class EvidenceRecorderBenchmarks
{
    private const int Batch = 1024;

    private EvidenceRecorder _recorder = null!;
    private Flow[] _flows = null!;
    private byte[] _frame = null!;
    private LinkType _linkType;
    private int _wireLength;
    private long _now;
    private int _next;

    [Params(FrameKind.TcpAck, FrameKind.TcpData)]
    public FrameKind Frame { get; set; }

    [Params(1, 1024, 50_000)]
    public int Flows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var sample = SampleFrames.Get(Frame);
        _frame = sample.Data;
        _linkType = sample.LinkType;
        _wireLength = sample.WireLength;
        _now = sample.TimestampMicros;
        var options = new EvidenceOptions();
        _recorder = new EvidenceRecorder(options, new EvidenceQueue(options.QueueCapacity));
        _flows = new Flow[Flows];
        for (var i = 0; i < _flows.Length; i++)
            _flows[i].Id = (ulong)i + 1;
        for (var i = 0; i < 200; i++)
            Run();
        if (_recorder.Counters.Packets != 200L * Batch || _recorder.Counters.Unindexed != 0)
            throw new InvalidOperationException($"recorder kept {_recorder.Counters.Packets} packets, {_recorder.Counters.Unindexed} unindexed");
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void Run()
    {
        var recorder = _recorder;
        var flows = _flows;
        for (var i = 0; i < Batch; i++)
        {
            _now += 10;
            var packet = new DecodedPacket { TimestampMicros = _now, WireLength = _wireLength, LinkType = _linkType, Frame = _frame };
            recorder.OnPacket(ref packet, ref flows[_next], toServer: true);
            if (++_next == flows.Length)
                _next = 0;
        }
    }
}
