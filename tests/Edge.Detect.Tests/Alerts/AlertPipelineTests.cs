using Edge.Detect.Alerts;
using Edge.Detect.Findings;
using Edge.Watch.Net;

namespace Edge.Detect.Tests.Alerts;

public class AlertPipelineTests
{
    private const long Second = 1_000_000;

    private sealed class Collect : IAlertSink
    {
        public List<Alert> Alerts { get; } = [];

        public void Raise(Alert alert) => Alerts.Add(alert);
    }

    private static Finding Finding(long at, string indicator = "evil.example", string rule = "edge.intel.dns", string client = "10.77.0.21") => new()
    {
        RuleId = rule,
        RuleName = "test rule",
        Category = AlertCategories.Phishing,
        Severity = Severity.Medium,
        Kind = EvidenceKinds.DnsQuery,
        Indicator = indicator,
        Evidence = "test",
        TimestampMicros = at,
        Client = IpAddr.Parse(client),
    };

    [Fact]
    public void Repeats_within_the_window_fold_into_one_alert_and_the_final_count_follows_on_flush()
    {
        var sink = new Collect();
        var pipeline = new AlertPipeline(new AlertOptions { DedupeWindowSeconds = 60 }, sink);
        for (var i = 0; i < 5; i++)
            pipeline.Report(Finding(i * Second));
        Assert.Single(sink.Alerts);
        Assert.Equal(1, sink.Alerts[0].Count);
        pipeline.Flush();
        Assert.Equal(2, sink.Alerts.Count);
        var update = sink.Alerts[1];
        Assert.True(update.IsUpdate);
        Assert.Equal(sink.Alerts[0].Id, update.Id);
        Assert.Equal(5, update.Count);
        Assert.Equal(4 * Second, update.LastSeenMicros);
        Assert.Equal(4, pipeline.Counters.Deduplicated);
    }

    [Fact]
    public void A_repeat_after_the_window_closes_the_old_alert_and_raises_a_new_one()
    {
        var sink = new Collect();
        var pipeline = new AlertPipeline(new AlertOptions { DedupeWindowSeconds = 60 }, sink);
        pipeline.Report(Finding(0));
        pipeline.Report(Finding(10 * Second));
        pipeline.Report(Finding(70 * Second));
        Assert.Equal(3, sink.Alerts.Count);
        Assert.True(sink.Alerts[1].IsUpdate);
        Assert.Equal(2, sink.Alerts[1].Count);
        Assert.False(sink.Alerts[2].IsUpdate);
        Assert.NotEqual(sink.Alerts[0].Id, sink.Alerts[2].Id);
    }

    [Fact]
    public void Different_clients_or_indicators_are_different_alerts()
    {
        var sink = new Collect();
        var pipeline = new AlertPipeline(new AlertOptions(), sink);
        pipeline.Report(Finding(0));
        pipeline.Report(Finding(1, indicator: "other.example"));
        pipeline.Report(Finding(2, client: "10.77.0.22"));
        Assert.Equal(3, sink.Alerts.Count);
        Assert.Equal(3, sink.Alerts.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public void A_flood_of_one_rule_is_rate_limited_and_counted_without_burying_others()
    {
        var sink = new Collect();
        var pipeline = new AlertPipeline(new AlertOptions { MaxNewAlertsPerRulePerMinute = 10 }, sink);
        for (var i = 0; i < 100; i++)
            pipeline.Report(Finding(i, indicator: $"flood{i}.example"));
        pipeline.Report(Finding(200, rule: "edge.cnc.beacon"));
        Assert.Equal(11, sink.Alerts.Count);
        Assert.Equal(90, pipeline.Counters.RateLimited);
        Assert.Contains(sink.Alerts, a => a.Finding.RuleId == "edge.cnc.beacon");
    }

    [Fact]
    public void Ids_are_ulids_stable_across_replays_of_the_same_finding()
    {
        var first = new Collect();
        var second = new Collect();
        new AlertPipeline(new AlertOptions(), first).Report(Finding(1_795_430_402_751_917));
        new AlertPipeline(new AlertOptions(), second).Report(Finding(1_795_430_402_751_917));
        var id = first.Alerts[0].Id;
        Assert.Equal(id, second.Alerts[0].Id);
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{26}$", id);
        var later = new Collect();
        new AlertPipeline(new AlertOptions(), later).Report(Finding(1_895_430_402_751_917));
        Assert.True(string.CompareOrdinal(id, later.Alerts[0].Id) < 0, "ULIDs sort by time");
    }

    [Fact]
    public void Bad_options_name_the_field()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AlertPipeline(new AlertOptions { DedupeWindowSeconds = 0 }, new Collect()));
        Assert.Equal("DedupeWindowSeconds", error.ParamName);
    }

    [Fact]
    public void A_repeat_counted_without_its_finding_leaves_the_same_alerts_and_counters_as_reporting_it()
    {
        // Two clients, two indicators, across window ends: whenever TryCountRepeat takes a finding,
        // the pipeline must end up exactly where Report would have left it.
        var random = new Random(3);
        var reported = new Collect();
        var counted = new Collect();
        var options = new AlertOptions { DedupeWindowSeconds = 60 };
        var full = new AlertPipeline(options, reported);
        var fast = new AlertPipeline(options, counted);
        var taken = 0;
        for (var i = 0; i < 2000; i++)
        {
            var finding = Finding(i * 2 * Second, random.Next(2) == 0 ? "evil.example" : "bad.example", client: random.Next(2) == 0 ? "10.77.0.21" : "10.77.0.22");
            full.Report(finding);
            if (fast.TryCountRepeat(finding.RuleId, finding.Client, finding.Indicator, finding.TimestampMicros))
                taken++;
            else
                fast.Report(finding);
        }
        full.Flush();
        fast.Flush();
        Assert.True(taken > 1500, $"{taken} repeats taken");
        Assert.Equal(reported.Alerts, counted.Alerts);
        Assert.Equal((full.Counters.Findings, full.Counters.Raised, full.Counters.Deduplicated, full.Counters.Updates),
            (fast.Counters.Findings, fast.Counters.Raised, fast.Counters.Deduplicated, fast.Counters.Updates));
    }

    [Fact]
    public void With_suppressions_every_finding_goes_through_Report()
    {
        var suppressions = new Edge.Detect.Suppressions.SuppressionList([new Edge.Detect.Suppressions.Suppression { Indicator = "other.example", Reason = "test" }]);
        var pipeline = new AlertPipeline(new AlertOptions(), new Collect(), suppressions);
        pipeline.Report(Finding(0));
        Assert.False(pipeline.TryCountRepeat("edge.intel.dns", IpAddr.Parse("10.77.0.21"), "evil.example", Second));
    }
}
