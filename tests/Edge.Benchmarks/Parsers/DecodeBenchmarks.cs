using BenchmarkDotNet.Attributes;
using Edge.Benchmarks.Corpus;
using Edge.Watch.Decoding;
using Edge.Watch.Link;
using Edge.Watch.Packets;

namespace Edge.Benchmarks.Parsers;

/// <summary><see cref="PacketDecoder.Decode"/> alone: link, IP and transport headers.</summary>
[MemoryDiagnoser]
public class DecodeBenchmarks
{
    private readonly DecodeErrorCounters _errors = new();
    private byte[] _frame = null!;
    private LinkType _linkType;
    private int _wireLength;

    [ParamsAllValues]
    public FrameKind Frame { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var sample = SampleFrames.Get(Frame);
        _frame = sample.Data;
        _linkType = sample.LinkType;
        _wireLength = sample.WireLength;
    }

    [Benchmark]
    public int Decode()
    {
        var packet = new DecodedPacket { WireLength = _wireLength };
        PacketDecoder.Decode(_linkType, _frame, ref packet, _errors);
        return packet.Payload.Length + packet.SourcePort;
    }
}
