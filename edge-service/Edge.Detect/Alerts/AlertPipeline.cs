using Edge.Detect.Findings;
using Edge.Detect.Suppressions;
using Edge.Watch.Net;

namespace Edge.Detect.Alerts;

/// <summary>Findings in, alerts out: one alert per (rule, client, indicator) and window, raised at
/// once, counted while it repeats, and updated with the final count when its window closes or on
/// <see cref="Flush"/>. A per-rule rate limit keeps one flood from burying the rest.</summary>
public sealed class AlertPipeline : IFindingSink
{
    private const long MicrosPerMinute = 60_000_000;

    private readonly AlertOptions _options;
    private readonly IAlertSink _sink;
    private readonly IAlertEvidence? _evidence;
    private readonly long _windowMicros;
    private long _raised;
    private readonly Dictionary<(string Rule, IpAddr Client, string Indicator), Open> _open = [];
    private readonly Dictionary<string, (long Minute, int Raised)> _rates = new(StringComparer.Ordinal);

    public AlertPipeline(AlertOptions options, IAlertSink sink, SuppressionList? suppressions = null, IAlertEvidence? evidence = null)
    {
        options.Validate();
        _options = options;
        _sink = sink;
        _evidence = evidence;
        Suppressions = suppressions ?? SuppressionList.None;
        _windowMicros = options.DedupeWindowSeconds * 1_000_000L;
    }

    public AlertCounters Counters { get; } = new();

    public SuppressionList Suppressions { get; }

    public void Report(Finding finding)
    {
        Counters.Findings++;
        if (Suppressions.Suppresses(finding))
        {
            Counters.Suppressed++;
            return;
        }
        var key = (finding.RuleId, finding.Client, finding.Indicator);
        if (_open.TryGetValue(key, out var open))
        {
            if (finding.TimestampMicros - open.FirstSeen < _windowMicros)
            {
                open.Count++;
                open.LastSeen = Math.Max(open.LastSeen, finding.TimestampMicros);
                Counters.Deduplicated++;
                return;
            }
            Close(key, open);
        }
        if (!WithinRate(finding))
        {
            Counters.RateLimited++;
            return;
        }
        if (_open.Count >= _options.MaxOpenAlerts)
            CloseStalest();
        var id = AlertId.Create(finding.RuleId, finding.Client.ToString(), finding.Indicator, finding.TimestampMicros);
        open = new Open(finding, _raised++, id, _evidence?.Collect(finding, id));
        _open[key] = open;
        Counters.Raised++;
        Counters.RaisedByCategory[finding.Category] = Counters.RaisedByCategory.GetValueOrDefault(finding.Category) + 1;
        _sink.Raise(new Alert(open.Id, finding, open.FirstSeen, open.LastSeen, 1, IsUpdate: false) { EvidenceFile = open.EvidenceFile });
    }

    /// <summary>The repeat branch of <see cref="Report"/> without the finding: when no suppression
    /// is configured (a suppression may look at any field) and the (rule, client, indicator) alert
    /// is open within its window, counts the finding into it exactly as Report would.</summary>
    public bool TryCountRepeat(string ruleId, in IpAddr client, string indicator, long timestampMicros)
    {
        if (Suppressions.Entries.Count != 0
            || !_open.TryGetValue((ruleId, client, indicator), out var open)
            || timestampMicros - open.FirstSeen >= _windowMicros)
            return false;
        Counters.Findings++;
        open.Count++;
        open.LastSeen = Math.Max(open.LastSeen, timestampMicros);
        Counters.Deduplicated++;
        return true;
    }

    /// <summary>Sends the final count of every alert that repeated since it was raised (end of a replay, shutdown).</summary>
    public void Flush()
    {
        // In the order alerts were raised, so a replay's log is the same every time.
        var closing = _open.Values.ToList();
        closing.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        foreach (var open in closing)
            SendUpdate(open);
        _open.Clear();
    }

    private bool WithinRate(Finding finding)
    {
        var minute = finding.TimestampMicros / MicrosPerMinute;
        var (start, raised) = _rates.GetValueOrDefault(finding.RuleId, (minute, 0));
        if (start != minute)
            raised = 0;
        if (raised >= _options.MaxNewAlertsPerRulePerMinute)
            return false;
        _rates[finding.RuleId] = (minute, raised + 1);
        return true;
    }

    private void Close((string, IpAddr, string) key, Open open)
    {
        SendUpdate(open);
        _open.Remove(key);
    }

    private void CloseStalest()
    {
        (string, IpAddr, string) stalest = default;
        Open? oldest = null;
        foreach (var (key, open) in _open)
        {
            if (oldest is null || open.LastSeen < oldest.LastSeen)
            {
                oldest = open;
                stalest = key;
            }
        }
        if (oldest is not null)
            Close(stalest, oldest);
    }

    private void SendUpdate(Open open)
    {
        if (open.Count == 1)
            return;
        Counters.Updates++;
        _sink.Raise(new Alert(open.Id, open.Finding, open.FirstSeen, open.LastSeen, open.Count, IsUpdate: true) { EvidenceFile = open.EvidenceFile });
    }

    private sealed class Open(Finding finding, long sequence, string id, string? evidenceFile)
    {
        public string? EvidenceFile { get; } = evidenceFile;
        public Finding Finding { get; } = finding;
        public long Sequence { get; } = sequence;
        public string Id { get; } = id;
        public long FirstSeen { get; } = finding.TimestampMicros;
        public long LastSeen { get; set; } = finding.TimestampMicros;
        public long Count { get; set; } = 1;
    }
}
