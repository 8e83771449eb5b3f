using Edge.Detect.Findings;
using Edge.Watch.Net;

namespace Edge.Service.Blocking;

/// <summary>In gateway mode, a captured connection to a listed address of a blocked category is one
/// the gateway drops: its finding (rule <c>edge.intel.ip</c>) says so, like the NFLOG path's
/// <c>edge.block.ip</c>, instead of reading as an attempt that went through.</summary>
public sealed class GatewayBlockedSink(IFindingSink next, BlockingSettings settings) : IFindingSink
{
    private const string ListedAddressRule = "edge.intel.ip";

    private readonly HashSet<string> _categories = new(settings.BlockedCategories, StringComparer.Ordinal);

    public void Report(Finding finding)
    {
        if (finding.RuleId == ListedAddressRule && _categories.Contains(finding.Category))
            finding = finding with { Blocked = true };
        next.Report(finding);
    }

    public bool TryCountRepeat(string ruleId, in IpAddr client, string indicator, long timestampMicros) =>
        next.TryCountRepeat(ruleId, client, indicator, timestampMicros);
}
