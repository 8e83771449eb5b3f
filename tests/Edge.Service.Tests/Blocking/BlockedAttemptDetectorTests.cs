using System.Buffers.Binary;
using Edge.Detect.Findings;
using Edge.Detect.Intel;
using Edge.Service.Blocking;
using Edge.Watch.Net;

namespace Edge.Service.Tests.Blocking;

public sealed class BlockedAttemptDetectorTests
{
    /// <summary>TCP SYN 10.218.1.1:36189 → 10.218.1.9:53 as an NFLOG frame (captured, see Edge.Watch.Tests' NflogHeaderTests).</summary>
    private const string TcpSyn = "4500003c823140004006a0cd0ada01010ada01098d5d003579c0ca3000000000a002fc9417ec0000020404c40402080a0e6c81eb000000000103030a";

    /// <summary>An NFLOG frame as the kernel writes it: header, packet header, prefix, payload.</summary>
    private static byte[] Frame(string payloadHex, string prefix = "edge-block", ushort group = 7)
    {
        var payload = Convert.FromHexString(payloadHex);
        var frame = new List<byte> { 2, 0, (byte)(group >> 8), (byte)group };
        Tlv(frame, 1, [0x08, 0x00, 3, 0]);
        Tlv(frame, 10, [.. System.Text.Encoding.ASCII.GetBytes(prefix), 0]);
        Tlv(frame, 9, payload);
        return [.. frame];

        static void Tlv(List<byte> frame, ushort type, byte[] value)
        {
            Span<byte> header = stackalloc byte[4];
            BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)(value.Length + 4));
            BinaryPrimitives.WriteUInt16LittleEndian(header[2..], type);
            frame.AddRange(header.ToArray());
            frame.AddRange(value);
            while (frame.Count % 4 != 0)
                frame.Add(0);
        }
    }

    private static (BlockedAttemptDetector Detector, List<Finding> Findings, BlockingCounters Counters) Detector(string category = "cnc")
    {
        var builder = new IntelSnapshotBuilder();
        builder.AddCidr(IpAddr.Parse("10.218.1.0"), 24, new IntelList("gw.txt", category));
        var findings = new List<Finding>();
        var counters = new BlockingCounters();
        return (new BlockedAttemptDetector(new IntelHolder(builder.Build()), new BlockingSettings(), new ListSink(findings), counters), findings, counters);
    }

    [Fact]
    public void A_dropped_packet_becomes_a_blocked_finding_about_the_lan_host_and_the_listed_address()
    {
        var (detector, findings, counters) = Detector();

        Assert.True(detector.Observe(Frame(TcpSyn), 1_700_000_000_000_000));

        var finding = Assert.Single(findings);
        Assert.True(finding.Blocked);
        Assert.Equal("edge.block.ip", finding.RuleId);
        Assert.Equal("cnc", finding.Category);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(IpAddr.Parse("10.218.1.1"), finding.Client);
        Assert.Equal(36189, finding.ClientPort);
        Assert.Equal(IpAddr.Parse("10.218.1.9"), finding.Server);
        Assert.Equal(53, finding.ServerPort);
        Assert.Equal(6, finding.Protocol);
        Assert.Equal("10.218.1.9", finding.Indicator);
        Assert.Equal("gw.txt", finding.IntelSource);
        Assert.Equal(1, counters.Attempts);
    }

    [Fact]
    public void Other_rules_groups_unblocked_categories_and_garbage_raise_nothing()
    {
        var (detector, findings, _) = Detector();
        Assert.False(detector.Observe(Frame(TcpSyn, prefix: "other"), 0));
        Assert.False(detector.Observe(Frame(TcpSyn, group: 8), 0));
        Assert.False(detector.Observe(Frame("4500"), 0));
        Assert.False(detector.Observe([2, 0, 0, 7], 0));

        var (benign, benignFindings, _) = Detector("benign");
        Assert.False(benign.Observe(Frame(TcpSyn), 0));

        Assert.Empty(findings);
        Assert.Empty(benignFindings);
    }

    private sealed class ListSink(List<Finding> findings) : IFindingSink
    {
        public void Report(Finding finding) => findings.Add(finding);
    }
}
