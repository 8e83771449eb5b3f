using Edge.Detect.Findings;
using Edge.Resolve;
using Edge.Service.Dns;
using Edge.Watch.Dns;
using Edge.Watch.Flows;
using Edge.Watch.Http;
using Edge.Watch.Net;
using Edge.Watch.Packets;
using Edge.Watch.Pipeline;
using Edge.Watch.Tls;

namespace Edge.Service.Tests.Dns;

public sealed class ForwarderTrafficTests
{
    private static readonly IpAddr Client = IpAddr.Parse("10.1.2.3");
    private static readonly IpAddr Server = IpAddr.Parse("10.1.2.1");

    [Fact]
    public void Each_exchange_reaches_the_observers_as_a_query_then_its_answer_in_order()
    {
        var traffic = new ForwarderTraffic();
        traffic.Record(1, Client, 40000, Server, 53, DnsTransport.Udp, Query(1, "a.example"), Answer(1, "a.example"), QueryVerdict.Answered);
        traffic.Record(2, Client, 40001, Server, 53, DnsTransport.Tcp, Query(2, "b.example"), [], QueryVerdict.Dropped);
        var seen = new Seen();

        Assert.Equal(2, traffic.Drain(seen, 10));

        Assert.Equal(["query 1 a.example 10.1.2.3:40000>10.1.2.1:53 udp", "response 1 a.example 10.1.2.1:53>10.1.2.3:40000 udp",
            "query 2 b.example 10.1.2.3:40001>10.1.2.1:53 tcp"], seen.Lines);
        Assert.Equal(2, traffic.Delivered);
        Assert.Equal(0, traffic.Drain(seen, 10));
    }

    [Fact]
    public void A_full_ring_drops_and_counts_instead_of_waiting()
    {
        var traffic = new ForwarderTraffic(entries: 4, bytes: 4096);
        for (var i = 0; i < 10; i++)
            traffic.Record(i, Client, 40000, Server, 53, DnsTransport.Udp, Query((ushort)i, "a.example"), [], QueryVerdict.Answered);

        Assert.Equal(6, traffic.Dropped);
        var seen = new Seen();
        Assert.Equal(4, traffic.Drain(seen, 100));
        Assert.Equal(["query 0 a.example", "query 1 a.example", "query 2 a.example", "query 3 a.example"],
            seen.Lines.Select(line => string.Join(' ', line.Split(' ')[..3])));
    }

    [Fact]
    public void Payloads_wrap_around_the_byte_ring_without_mixing_messages()
    {
        var traffic = new ForwarderTraffic(entries: 64, bytes: 300);
        var seen = new Seen();
        for (var round = 0; round < 50; round++)
        {
            var name = $"n{round}.example";
            traffic.Record(round, Client, 40000, Server, 53, DnsTransport.Udp, Query((ushort)round, name), Answer((ushort)round, name), QueryVerdict.Answered);
            if (round % 3 == 2)
                traffic.Drain(seen, 100);
        }
        traffic.Drain(seen, 100);

        Assert.Equal(0, traffic.Dropped);
        Assert.Equal(100, seen.Lines.Count);
        for (var round = 0; round < 50; round++)
            Assert.StartsWith($"query {round} n{round}.example", seen.Lines[2 * round], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_query_is_skipped_and_the_next_one_still_arrives()
    {
        var traffic = new ForwarderTraffic();
        traffic.Record(1, Client, 40000, Server, 53, DnsTransport.Udp, [1, 2, 3], [], QueryVerdict.Dropped);
        traffic.Record(2, Client, 40000, Server, 53, DnsTransport.Udp, Query(7, "ok.example"), [], QueryVerdict.Answered);
        var seen = new Seen();

        traffic.Drain(seen, 10);

        Assert.Equal(["query 7 ok.example 10.1.2.3:40000>10.1.2.1:53 udp"], seen.Lines);
    }

    [Fact]
    public void Findings_about_a_blocked_lookup_are_marked_blocked_and_others_are_not()
    {
        var traffic = new ForwarderTraffic();
        var findings = new List<Finding>();
        var sink = new BlockedLookupSink(new ListSink(findings), traffic);
        var reporter = new Reporter(sink);
        traffic.Record(1, Client, 40000, Server, 53, DnsTransport.Udp, Query(1, "evil.example"), Answer(1, "evil.example"), QueryVerdict.Blocked);
        traffic.Record(2, Client, 40000, Server, 53, DnsTransport.Udp, Query(2, "fine.example"), Answer(2, "fine.example"), QueryVerdict.Answered);

        traffic.Drain(reporter, 10);
        sink.Report(Make("evil.example", Client));

        Assert.Equal([true, false, true, false, false, false, false], findings.Select(f => f.Blocked));
        Assert.False(traffic.Current.Active);
    }

    [Fact]
    public void A_finding_for_another_host_or_without_a_name_is_not_the_block()
    {
        var traffic = new ForwarderTraffic();
        var findings = new List<Finding>();
        var sink = new BlockedLookupSink(new ListSink(findings), traffic);
        traffic.Record(1, Client, 40000, Server, 53, DnsTransport.Udp, Query(1, "evil.example"), [], QueryVerdict.Blocked);

        traffic.Drain(new Reporter(sink, otherHost: IpAddr.Parse("10.9.9.9")), 10);

        Assert.Equal([false], findings.Select(f => f.Blocked));
    }

    internal static byte[] Query(ushort id, string name)
    {
        var bytes = new List<byte> { (byte)(id >> 8), (byte)id, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0 };
        bytes.AddRange(Name(name));
        bytes.AddRange(new byte[] { 0, 1, 0, 1 });
        return [.. bytes];
    }

    internal static byte[] Answer(ushort id, string name)
    {
        var bytes = new List<byte> { (byte)(id >> 8), (byte)id, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0 };
        bytes.AddRange(Name(name));
        bytes.AddRange(new byte[] { 0, 1, 0, 1, 0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 1 });
        return [.. bytes];
    }

    private static IEnumerable<byte> Name(string name)
    {
        foreach (var label in name.Split('.'))
        {
            yield return (byte)label.Length;
            foreach (var c in label)
                yield return (byte)c;
        }
        yield return 0;
    }

    private static Finding Make(string qname, IpAddr client) => new()
    {
        RuleId = "edge.intel.dns",
        RuleName = "Lookup of a listed name",
        Category = "phishing",
        Severity = Severity.High,
        Kind = EvidenceKinds.DnsQuery,
        Indicator = qname,
        Evidence = "test",
        TimestampMicros = 1,
        Client = client,
        DnsQname = qname,
    };

    private sealed class Seen : IWatchObserver
    {
        public List<string> Lines { get; } = [];

        public void OnDns(in PacketContext context, DnsMessage message)
        {
            var name = new byte[DnsName.MaxPresentationLength];
            DnsName.TryRead(message.Raw, message.QuestionNameOffset, name, out var length);
            Lines.Add($"{(message.IsResponse ? "response" : "query")} {message.Id} {System.Text.Encoding.ASCII.GetString(name, 0, length)} " +
                $"{context.Source}:{context.SourcePort}>{context.Destination}:{context.DestinationPort} {(context.Protocol == 6 ? "tcp" : "udp")}");
        }

        public void OnPacket(ref DecodedPacket packet, ref Flow flow, bool toServer)
        {
        }

        public void OnTlsClientHello(in PacketContext context, ClientHello hello)
        {
        }

        public void OnHttpRequest(in PacketContext context, HttpRequestHead request)
        {
        }

        public void OnFlowEnd(ref Flow flow, FlowEndReason reason)
        {
        }
    }

    /// <summary>Stands in for the detectors: one finding with the question's name per message, and one without a name.</summary>
    private sealed class Reporter(IFindingSink sink, IpAddr? otherHost = null) : IWatchObserver
    {
        public void OnDns(in PacketContext context, DnsMessage message)
        {
            var client = otherHost ?? (context.ToServer ? context.Source : context.Destination);
            var name = new byte[DnsName.MaxPresentationLength];
            DnsName.TryRead(message.Raw, message.QuestionNameOffset, name, out var length);
            sink.Report(Make(System.Text.Encoding.ASCII.GetString(name, 0, length), client));
            if (!message.IsResponse && otherHost is null)
                sink.Report(Make("x", client) with { DnsQname = null });
        }

        public void OnPacket(ref DecodedPacket packet, ref Flow flow, bool toServer)
        {
        }

        public void OnTlsClientHello(in PacketContext context, ClientHello hello)
        {
        }

        public void OnHttpRequest(in PacketContext context, HttpRequestHead request)
        {
        }

        public void OnFlowEnd(ref Flow flow, FlowEndReason reason)
        {
        }
    }

    private sealed class ListSink(List<Finding> findings) : IFindingSink
    {
        public void Report(Finding finding) => findings.Add(finding);
    }
}
