namespace Edge.IntegrationTests.Dns;

/// <summary>Benign names through Edge: what dig and kdig get from the forwarder is what they get
/// from the upstream itself, for every record type the lab serves, negative answers included, over
/// UDP with and without EDNS and over TCP, asked twice (the second time from Edge's cache).</summary>
[Collection(DnsLabCollection.Name)]
public sealed class ForwardingTests
{
    public static TheoryData<string> Upstreams => ["unbound", "dnsmasq"];

    private static readonly (string Name, string Type)[] Cases =
    [
        (LabZone.Www, "A"), (LabZone.Www, "AAAA"), (LabZone.Zone, "MX"), (LabZone.Txt, "TXT"),
        (LabZone.Alias, "A"), (LabZone.Missing, "A"), (LabZone.V4Only, "AAAA"), (LabZone.Long, "TXT"),
    ];

    private static readonly string[][] Transports = [[], ["+noedns"], ["+tcp"], ["+tcp", "+noedns"]];

    [Theory]
    [MemberData(nameof(Upstreams))]
    public void Answers_through_Edge_are_identical_to_the_upstreams_own(string upstreamName)
    {
        using var lab = DnsLab.Create();
        var upstream = Start(lab, upstreamName);
        new EdgeForwarder(lab).Upstream($"{upstream}:53").Start();
        foreach (var (name, type) in Cases)
        {
            foreach (var transport in Transports)
            {
                var direct = lab.Dig.Query(upstream, name, type, transport);
                for (var ask = 1; ask <= 2; ask++)
                {
                    var forwarded = lab.Dig.Query(lab.SensorAddress, name, type, transport);
                    SameAnswer.Assert(direct, forwarded, $"{name} {type} {string.Join(' ', transport)} via {upstreamName}, ask {ask}");
                }
            }
            // kdig, a second client implementation, over UDP with EDNS and over TCP.
            SameAnswer.Assert(lab.Dig.Kdig(upstream, name, type), lab.Dig.Kdig(lab.SensorAddress, name, type), $"kdig {name} {type}");
            SameAnswer.Assert(lab.Dig.Kdig(upstream, name, type, "+tcp"), lab.Dig.Kdig(lab.SensorAddress, name, type, "+tcp"), $"kdig +tcp {name} {type}");
        }
    }

    [Fact]
    public void A_negative_answer_keeps_the_upstreams_SOA_for_its_negative_TTL()
    {
        using var lab = DnsLab.Create();
        lab.StartUnbound();
        new EdgeForwarder(lab).Upstream(lab.UnboundAddress).Start();
        foreach (var (name, type, status) in new[] { (LabZone.Missing, "A", "NXDOMAIN"), (LabZone.V4Only, "AAAA", "NOERROR") })
        {
            for (var ask = 1; ask <= 2; ask++)
            {
                var forwarded = lab.Dig.Query(lab.SensorAddress, name, type);
                Assert.True(forwarded.Status == status && forwarded.Answer.Count == 0, forwarded.Raw);
                var soa = Assert.Single(forwarded.Authority);
                Assert.Equal("SOA", soa.Type);
                // The zone's SOA minimum (300) bounds the negative TTL, counting down from the cache.
                Assert.InRange(soa.Ttl, 1u, 300u);
            }
        }
    }

    [Fact]
    public void An_answer_over_512_bytes_is_truncated_over_UDP_without_EDNS_and_whole_over_TCP()
    {
        using var lab = DnsLab.Create();
        lab.StartUnbound();
        new EdgeForwarder(lab).Upstream(lab.UnboundAddress).Start();
        foreach (var ask in new[] { "first", "from the cache" })
        {
            var truncated = lab.Dig.Query(lab.SensorAddress, LabZone.Many, "A", "+noedns", "+ignore");
            Assert.True(truncated.Truncated, $"{ask}: no TC without EDNS\n{truncated.Raw}");
            Assert.InRange(truncated.MessageSize, 12, 512);
            Assert.True(truncated.Answer.Count < LabZone.ManyCount, truncated.Raw);

            var retried = lab.Dig.Query(lab.SensorAddress, LabZone.Many, "A", "+noedns");
            Assert.True(retried.RetriedOverTcp, $"{ask}: dig did not fall back to TCP\n{retried.Raw}");
            Assert.Equal(LabZone.ManyCount, retried.Answer.Count);
            Assert.False(retried.Truncated);

            var edns = lab.Dig.Query(lab.SensorAddress, LabZone.Many, "A");
            Assert.True(!edns.Truncated && edns.Answer.Count == LabZone.ManyCount && !edns.RetriedOverTcp, $"{ask}: 671 bytes fit EDNS's 1232\n{edns.Raw}");

            // An EDNS client with a small buffer (512) is truncated too.
            var small = lab.Dig.Query(lab.SensorAddress, LabZone.Many, "A", "+bufsize=512", "+ignore");
            Assert.True(small.Truncated && small.MessageSize <= 512, small.Raw);

            var tcp = lab.Dig.Kdig(lab.SensorAddress, LabZone.Long, "TXT", "+tcp", "+noedns");
            SameAnswer.Assert(lab.Dig.Kdig(lab.UnboundAddress, LabZone.Long, "TXT", "+tcp", "+noedns"), tcp, $"long TXT over TCP, {ask}");
        }
    }

    internal static string Start(DnsLab lab, string upstream)
    {
        if (upstream == "unbound")
        {
            lab.StartUnbound();
            return lab.UnboundAddress;
        }
        lab.StartDnsmasq();
        return lab.DnsmasqAddress;
    }
}
