using BenchmarkDotNet.Attributes;
using Edge.Benchmarks.Corpus;
using Edge.Watch.Decoding;
using Edge.Watch.Flows;
using Edge.Watch.Net;
using Edge.Watch.Packets;
using Edge.Watch.Transport;

namespace Edge.Benchmarks.Parsers;

/// <summary><see cref="FlowTable.Track"/> for packets of flows already in the table (a TCP ACK of the
/// corpus with its client port varied), cycling over <see cref="Flows"/> flows: one stays in cache,
/// 50,000 spread over most of the default 65,536-flow table.</summary>
[MemoryDiagnoser]
public class FlowTableBenchmarks
{
    private const int FirstPort = 1024;
    private const int Batch = 4096;

    private FlowTable _table = null!;
    private IpHeader _ip;
    private TcpHeader _tcp;
    private ushort _serverPort;
    private int _wireLength;
    private long _now;
    private int _next;

    [Params(1, 1024, 50_000)]
    public int Flows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var sample = SampleFrames.Get(FrameKind.TcpAck);
        var packet = new DecodedPacket { TimestampMicros = sample.TimestampMicros, WireLength = sample.WireLength };
        PacketDecoder.Decode(sample.LinkType, sample.Data, ref packet, new DecodeErrorCounters());
        _ip = packet.Ip;
        _tcp = packet.Tcp;
        _serverPort = packet.DestinationPort;
        _wireLength = sample.WireLength;
        _now = sample.TimestampMicros;
        _table = new FlowTable(new FlowTableOptions(), new IgnoreFlowEnd());
        for (var i = 0; i < Flows; i += Batch)
            Track();
        if (_table.Count != Flows)
            throw new InvalidOperationException($"benchmark setup: {_table.Count} flows instead of {Flows}");
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public long Track()
    {
        long packets = 0;
        var next = _next;
        var packet = new DecodedPacket { WireLength = _wireLength, Ip = _ip, Tcp = _tcp, DestinationPort = _serverPort };
        for (var i = 0; i < Batch; i++)
        {
            packet.TimestampMicros = ++_now;
            packet.SourcePort = (ushort)(FirstPort + next);
            if (++next == Flows)
                next = 0;
            packets += _table.Track(ref packet, out _).PacketsToServer;
        }
        _next = next;
        return packets;
    }

    private sealed class IgnoreFlowEnd : IFlowEndHandler
    {
        public void OnFlowEnd(ref Flow flow, FlowEndReason reason)
        {
        }
    }
}
