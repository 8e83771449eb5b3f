using Edge.Detect.Alerts;
using Edge.Detect.Findings;
using Edge.Watch.Net;

namespace Edge.Detect.Tests.Alerts;

public class AlertEvidenceTests
{
    private sealed class Collect : IAlertSink
    {
        public List<Alert> Alerts { get; } = [];

        public void Raise(Alert alert) => Alerts.Add(alert);
    }

    private sealed class NamedEvidence : IAlertEvidence
    {
        public List<string> Asked { get; } = [];

        public string? Collect(Finding finding, string alertId)
        {
            Asked.Add(alertId);
            return finding.FlowId == 0 ? null : alertId + ".pcap";
        }
    }

    private static Finding Finding(long at, ulong flowId, string indicator = "evil.example") => new()
    {
        RuleId = "edge.intel.dns",
        RuleName = "test rule",
        Category = AlertCategories.Phishing,
        Severity = Severity.Medium,
        Kind = EvidenceKinds.DnsQuery,
        Indicator = indicator,
        Evidence = "test",
        TimestampMicros = at,
        Client = IpAddr.Parse("10.77.0.21"),
        FlowId = flowId,
    };

    [Fact]
    public void A_new_alert_asks_for_evidence_once_and_its_update_names_the_same_file()
    {
        var sink = new Collect();
        var evidence = new NamedEvidence();
        var pipeline = new AlertPipeline(new AlertOptions(), sink, evidence: evidence);
        pipeline.Report(Finding(1, flowId: 7));
        pipeline.Report(Finding(2, flowId: 8));
        pipeline.Flush();
        Assert.Equal(2, sink.Alerts.Count);
        Assert.Single(evidence.Asked);
        Assert.Equal(sink.Alerts[0].Id + ".pcap", sink.Alerts[0].EvidenceFile);
        Assert.True(sink.Alerts[1].IsUpdate);
        Assert.Equal(sink.Alerts[0].EvidenceFile, sink.Alerts[1].EvidenceFile);
    }

    [Fact]
    public void Without_a_flow_or_without_a_store_an_alert_names_no_file()
    {
        var sink = new Collect();
        new AlertPipeline(new AlertOptions(), sink, evidence: new NamedEvidence()).Report(Finding(1, flowId: 0));
        new AlertPipeline(new AlertOptions(), sink).Report(Finding(1, flowId: 7));
        Assert.All(sink.Alerts, alert => Assert.Null(alert.EvidenceFile));
    }
}
