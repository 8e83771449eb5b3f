using System.Text.Json;
using Edge.Detect.Alerts;
using Edge.Service.Replay;
using Edge.Watch.Pipeline;
using Edge.Watch.Tests.TestSupport;
using Xunit.Sdk;

namespace Edge.Service.Tests.Detection;

/// <summary>Every corpus capture replayed with the corpus intel: every expected (category, client,
/// indicator) of its truth file must be raised, and every raised alert must belong to an expected
/// (category, client) of that capture; the benign capture must raise nothing.</summary>
public class CorpusDetectionTests
{
    private sealed class Collect : IAlertSink
    {
        public List<Alert> Alerts { get; } = [];

        public void Raise(Alert alert)
        {
            if (!alert.IsUpdate)
                Alerts.Add(alert);
        }
    }

    [Theory]
    [MemberData(nameof(Corpus.ScenarioData), MemberType = typeof(Corpus))]
    public void Expected_alerts_are_raised_and_nothing_else(string scenario)
    {
        var sink = new Collect();
        var detection = new ReplayDetection([Path.Combine(Corpus.Root, "intel")], sink);
        new ReplayRunner(new WatchOptions(), detection.Engine).Run([Corpus.Pcap(scenario)], cancel: TestContext.Current.CancellationToken);
        detection.Pipeline.Flush();

        using var truth = JsonDocument.Parse(File.ReadAllText(Corpus.Truth(scenario)));
        var expected = truth.RootElement.GetProperty("expected_alerts").EnumerateArray()
            .Select(a => (Category: a.GetProperty("category").GetString()!, Src: a.GetProperty("src").GetString()!, Indicator: a.GetProperty("indicator").GetString()!))
            .ToList();
        var raised = sink.Alerts.Select(a => (a.Finding.Category, Src: a.Finding.Client.ToString(), a.Finding.Indicator)).ToList();

        var missed = expected.Where(e => !raised.Contains(e)).ToList();
        var hosts = expected.Select(e => (e.Category, e.Src)).ToHashSet();
        var unexpected = raised.Where(r => !hosts.Contains((r.Category, r.Src))).Distinct().ToList();
        var problems = missed.Select(m => $"missed   {m.Category} {m.Src} {m.Indicator}")
            .Concat(unexpected.Select(u => $"spurious {u.Category} {u.Src} {u.Indicator}"))
            .ToList();
        if (problems.Count > 0)
            throw new XunitException($"{scenario}: expected {expected.Count}, raised {raised.Count}\n  " + string.Join("\n  ", problems));
    }
}
