using Edge.Watch.Net;

namespace Edge.Detect.Findings;

public interface IFindingSink
{
    void Report(Finding finding);

    /// <summary>Takes a finding that only repeats one already reported (same rule, client and
    /// indicator) without the finding being built, when the sink can account for it from those
    /// alone; false when it needs the whole finding through <see cref="Report"/>. Detectors ask
    /// first on paths that repeat a lot, to skip formatting evidence nobody will read.</summary>
    bool TryCountRepeat(string ruleId, in IpAddr client, string indicator, long timestampMicros) => false;
}
