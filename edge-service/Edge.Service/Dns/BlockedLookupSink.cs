using Edge.Detect.Findings;
using Edge.Watch.Net;

namespace Edge.Service.Dns;

/// <summary>Passes findings on to the alert pipeline, marking <c>blocked</c> those about a lookup
/// the forwarder answered by policy: raised while that exchange is handed to the detectors, for its
/// client and with a DNS name (a pattern over many names, such as a DGA burst, is not the block).</summary>
public sealed class BlockedLookupSink(IFindingSink next, ForwarderTraffic traffic) : IFindingSink
{
    public void Report(Finding finding)
    {
        var current = traffic.Current;
        if (current.Active && finding.DnsQname is not null && finding.Client == current.Client)
            finding = finding with { Blocked = true };
        next.Report(finding);
    }

    public bool TryCountRepeat(string ruleId, in IpAddr client, string indicator, long timestampMicros) =>
        next.TryCountRepeat(ruleId, client, indicator, timestampMicros);
}
