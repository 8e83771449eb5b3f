using Edge.Detect.Findings;
using Edge.Service.Blocking;
using Edge.Watch.Net;

namespace Edge.Service.Tests.Blocking;

public sealed class GatewayBlockedSinkTests
{
    [Theory]
    [InlineData("edge.intel.ip", "cnc", true)]
    [InlineData("edge.intel.ip", "doh", false)]
    [InlineData("edge.intel.dns", "cnc", false)]
    [InlineData("edge.cnc.beacon", "cnc", false)]
    public void Only_captured_connections_to_a_blocked_category_read_as_blocked(string rule, string category, bool blocked)
    {
        var findings = new List<Finding>();
        var sink = new GatewayBlockedSink(new ListSink(findings), new BlockingSettings { Mode = BlockingMode.Gateway });

        sink.Report(new Finding
        {
            RuleId = rule,
            RuleName = "test",
            Category = category,
            Severity = Severity.High,
            Kind = EvidenceKinds.IpContact,
            Indicator = "203.0.113.9",
            Evidence = "test",
            TimestampMicros = 1,
            Client = IpAddr.Parse("10.0.0.5"),
        });

        Assert.Equal(blocked, Assert.Single(findings).Blocked);
    }

    private sealed class ListSink(List<Finding> findings) : IFindingSink
    {
        public void Report(Finding finding) => findings.Add(finding);
    }
}
