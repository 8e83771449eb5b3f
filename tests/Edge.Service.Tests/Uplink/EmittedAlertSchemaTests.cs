using System.Text;
using Edge.Detect.Alerts;
using Edge.Detect.Evidence;
using Edge.Service.Replay;
using Edge.Service.Uplink;
using Edge.Uplink.Schemas;
using Edge.Uplink.Tests.TestSupport;
using Edge.Uplink.Topics;
using Edge.Watch.Pipeline;
using Edge.Watch.Tests.TestSupport;
using Xunit.Sdk;

namespace Edge.Service.Tests.Uplink;

/// <summary>Every alert the real detection raises, first messages and count updates alike, maps to a
/// message that validates against <c>edge.alert/1</c>: the bundled sample (with the evidence store
/// on, so <c>evidence_file</c> is set) and every corpus capture.</summary>
public class EmittedAlertSchemaTests
{
    private sealed class ValidatingSink(AlertMessageMapper mapper) : IAlertSink
    {
        public int Raised { get; private set; }

        public int WithEvidenceFile { get; private set; }

        public List<string> Problems { get; } = [];

        public void Raise(Alert alert)
        {
            Raised++;
            var item = mapper.ToOutboxItem(alert);
            var json = Encoding.UTF8.GetString(item.Payload.Span);
            if (item.Topic != mapper.Topics.Alert(alert.Finding.Category))
                Problems.Add($"{alert.Id}: topic {item.Topic}");
            foreach (var error in SchemaValidator.Errors(UplinkSchemas.Alert, json))
                Problems.Add($"{alert.Id} {alert.Finding.RuleId}: {error}\n    {json}");
            if (alert.EvidenceFile is not null)
                WithEvidenceFile++;
        }
    }

    private static AlertMessageMapper Mapper() => new(new TopicLayout("agency-7", "lan-edge-1"), TimeProvider.System);

    [Fact]
    public void Every_alert_of_the_bundled_sample_validates()
    {
        var folder = Path.Combine(Path.GetTempPath(), "edge-uplink-evidence-" + Guid.NewGuid().ToString("N"));
        try
        {
            var sink = new ValidatingSink(Mapper());
            var evidence = new ReplayEvidence(new EvidenceOptions { Directory = folder });
            var detection = new ReplayDetection([], sink, evidence: evidence.Recorder);
            new ReplayRunner(new WatchOptions(), new CompositeWatchObserver(evidence.Recorder, detection.Engine))
                .Run([Path.Combine(AppContext.BaseDirectory, "Samples", "lan-sample.pcap")], cancel: TestContext.Current.CancellationToken);
            detection.Pipeline.Flush();
            evidence.Finish();

            Assert.True(sink.Raised > 0, "the sample raised no alert");
            Assert.True(sink.WithEvidenceFile > 0, "no alert of the sample had an evidence file");
            Report("lan-sample", sink);
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Corpus.ScenarioData), MemberType = typeof(Corpus))]
    public void Every_alert_of_a_corpus_capture_validates(string scenario)
    {
        var sink = new ValidatingSink(Mapper());
        var detection = new ReplayDetection([Path.Combine(Corpus.Root, "intel")], sink);
        new ReplayRunner(new WatchOptions(), detection.Engine).Run([Corpus.Pcap(scenario)], cancel: TestContext.Current.CancellationToken);
        detection.Pipeline.Flush();

        using var truth = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Corpus.Truth(scenario)));
        var expected = truth.RootElement.GetProperty("expected_alerts").GetArrayLength();
        Assert.True(expected == 0 || sink.Raised >= expected, $"{scenario} raised {sink.Raised} alert(s), its truth expects {expected}");
        Report(scenario, sink);
    }

    private static void Report(string capture, ValidatingSink sink)
    {
        if (sink.Problems.Count > 0)
            throw new XunitException($"{capture}: {sink.Problems.Count} of {sink.Raised} alert message(s) invalid\n  " + string.Join("\n  ", sink.Problems.Take(10)));
    }
}
