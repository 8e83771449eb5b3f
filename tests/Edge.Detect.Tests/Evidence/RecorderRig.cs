using System.Buffers.Binary;
using Edge.Detect.Evidence;
using Edge.Detect.Findings;
using Edge.Watch.Link;
using Edge.Watch.Net;
using Edge.Watch.Pipeline;
using Edge.Watch.Tests.TestSupport;

namespace Edge.Detect.Tests.Evidence;

/// <summary>A Watch engine feeding an <see cref="EvidenceRecorder"/>, UDP flows told apart by client
/// port, each packet numbered in its payload so a test can tell exactly which packets came back.</summary>
internal sealed class RecorderRig
{
    public const long Second = 1_000_000;
    private const int PayloadOffset = 14 + 20 + 8;

    private readonly FlowIds _flows = new();
    private long _now = 1_700_000_000 * Second;

    public RecorderRig(EvidenceOptions options)
    {
        Queue = new EvidenceQueue(options.QueueCapacity);
        Recorder = new EvidenceRecorder(options, Queue);
        Engine = new WatchEngine(new WatchOptions(), new CompositeWatchObserver(Recorder, _flows));
    }

    public EvidenceQueue Queue { get; }

    public EvidenceRecorder Recorder { get; }

    public WatchEngine Engine { get; }

    public long Now => _now;

    /// <summary>One UDP packet from client port <paramref name="port"/> carrying <paramref name="number"/>
    /// (plus <paramref name="padding"/> bytes); returns the flow id it landed on.</summary>
    public ulong Send(ushort port, int number, int padding = 0, long advanceMicros = 1000)
    {
        _now += advanceMicros;
        var frame = Frame(port, number, padding);
        Engine.Process(LinkType.Ethernet, _now, frame, frame.Length);
        return _flows.Last;
    }

    public static byte[] Frame(ushort port, int number, int padding = 0)
    {
        var payload = new byte[4 + padding];
        BinaryPrimitives.WriteInt32BigEndian(payload, number);
        return Frames.UdpV4("10.77.0.5", port, "203.0.113.9", 9999, payload);
    }

    public string? Alert(ulong flowId, string id = "01TESTALERT") => Recorder.Collect(Finding(flowId), id);

    public static Finding Finding(ulong flowId) => new()
    {
        RuleId = "test.rule",
        RuleName = "test",
        Category = AlertCategories.Cnc,
        Severity = Severity.High,
        Kind = EvidenceKinds.IpContact,
        Indicator = "203.0.113.9",
        Evidence = "test",
        TimestampMicros = 0,
        Client = IpAddr.Parse("10.77.0.5"),
        FlowId = flowId,
    };

    public List<EvidenceCapture> Drain()
    {
        var captures = new List<EvidenceCapture>();
        while (Queue.Reader.TryRead(out var capture))
            captures.Add(capture);
        return captures;
    }

    /// <summary>(client port, packet number) of every record, oldest first.</summary>
    public static List<(ushort Port, int Number)> Packets(EvidenceCapture capture)
    {
        var result = new List<(ushort, int)>();
        var records = capture.Records;
        while (records.Length >= PcapFormat.RecordHeaderLength)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(records[8..]);
            var data = records.Slice(PcapFormat.RecordHeaderLength, length);
            result.Add((BinaryPrimitives.ReadUInt16BigEndian(data[34..]), BinaryPrimitives.ReadInt32BigEndian(data[PayloadOffset..])));
            records = records[(PcapFormat.RecordHeaderLength + length)..];
        }
        return result;
    }

    private sealed class FlowIds : IWatchObserver
    {
        public ulong Last { get; private set; }

        public void OnPacket(ref Edge.Watch.Packets.DecodedPacket packet, ref Edge.Watch.Flows.Flow flow, bool toServer) => Last = flow.Id;

        public void OnDns(in PacketContext context, Edge.Watch.Dns.DnsMessage message)
        {
        }

        public void OnTlsClientHello(in PacketContext context, Edge.Watch.Tls.ClientHello hello)
        {
        }

        public void OnHttpRequest(in PacketContext context, Edge.Watch.Http.HttpRequestHead request)
        {
        }

        public void OnFlowEnd(ref Edge.Watch.Flows.Flow flow, Edge.Watch.Flows.FlowEndReason reason)
        {
        }
    }
}
