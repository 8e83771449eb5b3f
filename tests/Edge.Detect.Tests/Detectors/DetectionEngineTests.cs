using Edge.Detect.Detectors;
using Edge.Detect.Findings;
using Edge.Detect.Intel;
using Edge.Watch.Link;
using Edge.Watch.Pipeline;
using Edge.Watch.Tests.TestSupport;
using Edge.Watch.Transport;

namespace Edge.Detect.Tests.Detectors;

public class DetectionEngineTests
{
    private const long Second = 1_000_000;
    private const string Client = "10.77.0.51";

    private sealed class Collect : IFindingSink
    {
        public List<Finding> Findings { get; } = [];

        public void Report(Finding finding) => Findings.Add(finding);
    }

    private static (WatchEngine Engine, Collect Findings) Build(DetectionOptions? options = null)
    {
        var findings = new Collect();
        var detection = new DetectionEngine(new IntelHolder(IntelSnapshot.Empty), options ?? new DetectionOptions(), findings);
        return (new WatchEngine(new WatchOptions(), detection), findings);
    }

    private static void Feed(WatchEngine engine, byte[] frame, long at) => engine.Process(LinkType.Ethernet, at, frame, frame.Length);

    [Fact]
    public void A_regular_beacon_is_found_even_when_its_syns_are_retransmitted()
    {
        var (engine, findings) = Build();
        for (var i = 0; i < 12; i++)
        {
            var at = i * 30 * Second;
            var port = (ushort)(40000 + i);
            Feed(engine, Frames.TcpV4(Client, port, "203.0.113.66", 8080, TcpFlags.Syn, 1), at);
            Feed(engine, Frames.TcpV4(Client, port, "203.0.113.66", 8080, TcpFlags.Syn, 1), at + Second);
        }
        var beacon = Assert.Single(findings.Findings, f => f.RuleId == "edge.cnc.beacon");
        Assert.Equal("203.0.113.66:8080", beacon.Indicator);
        Assert.Equal(AlertCategories.Cnc, beacon.Category);
    }

    [Fact]
    public void Dns_over_tls_is_a_bypass_only_when_the_agency_dns_is_required()
    {
        var (engine, findings) = Build();
        Feed(engine, Frames.TcpV4(Client, 40000, "198.51.100.8", 853, TcpFlags.Syn, 1), 0);
        Assert.Equal("198.51.100.8:853", Assert.Single(findings.Findings).Indicator);

        var (relaxed, none) = Build(new DetectionOptions { AgencyDnsRequired = false });
        Feed(relaxed, Frames.TcpV4(Client, 40000, "198.51.100.8", 853, TcpFlags.Syn, 1), 0);
        Assert.Empty(none.Findings);
    }

    [Fact]
    public void Stratum_on_an_unusual_port_is_mining()
    {
        var (engine, findings) = Build();
        Feed(engine, Frames.TcpV4(Client, 40001, "198.51.100.30", 443, TcpFlags.Syn, 1), 0);
        Feed(engine, Frames.TcpV4(Client, 40001, "198.51.100.30", 443, TcpFlags.Ack | TcpFlags.Psh, 2,
            "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}\n"u8), Second);
        var mining = Assert.Single(findings.Findings);
        Assert.Equal(AlertCategories.Mining, mining.Category);
        Assert.Equal("198.51.100.30:443", mining.Indicator);
    }

    [Fact]
    public void Invalid_thresholds_are_refused_with_the_field_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Build(new DetectionOptions { DgaBurst = 1 }));
        Assert.Equal("DgaBurst", error.ParamName);
    }
}
