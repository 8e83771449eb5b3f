using Edge.Detect.Detectors;
using Edge.Detect.Intel;
using Edge.Watch.Net;

namespace Edge.Resolve.Policy;

/// <summary>Decides from the name and the client whether a query is blocked, and how. In order:
/// the allow snapshot wins over everything; WannaCry kill-switch names always pass; then the most
/// specific listed name (scope-aware, see <see cref="ScopedMatch"/>) decides: <c>benign</c> and
/// <c>typosquat-protected</c> lists pass, RPZ lists act by their action whatever their category,
/// plain lists block when their category is a block category; a client exception turns any
/// block into a pass. The snapshots are read once per query, so a swap applies to the next one.</summary>
public sealed class QueryPolicy
{
    private readonly Func<IntelSnapshot> _intel;
    private readonly Func<IntelSnapshot> _allow;
    private readonly HashSet<string> _blockCategories;
    private readonly PolicyAction _blockAction;
    private readonly ClientExceptionSet _exceptions;

    public QueryPolicy(ResolverOptions options, Func<IntelSnapshot> intel, Func<IntelSnapshot> allow)
    {
        _intel = intel;
        _allow = allow;
        _blockCategories = new HashSet<string>(options.BlockCategories, StringComparer.OrdinalIgnoreCase);
        _blockAction = options.BlockAnswer switch
        {
            BlockAnswer.NoData => PolicyAction.NoData,
            BlockAnswer.BlockPage => PolicyAction.BlockPage,
            _ => PolicyAction.NxDomain,
        };
        _exceptions = new ClientExceptionSet(options.ClientExceptions);
    }

    /// <param name="name">Lower-case dotted, without the trailing dot.</param>
    public PolicyVerdict Decide(ReadOnlySpan<byte> name, IpAddr client)
    {
        if (name.IsEmpty)
            return default;
        if (ScopedMatch.TryMatch(_allow(), name, out _) || KillSwitchDomains.Contains(name))
            return default;
        if (!ScopedMatch.TryMatch(_intel(), name, out var match))
            return default;
        var list = match.List;
        var action = ActionFor(list);
        if (action == PolicyAction.Pass || (!_exceptions.IsEmpty && _exceptions.Exempts(client, name)))
            return new PolicyVerdict(PolicyAction.Pass, list);
        return new PolicyVerdict(action, list);
    }

    private PolicyAction ActionFor(IntelList list)
    {
        if (list.Category is IntelCategories.Benign or IntelCategories.TyposquatProtected)
            return PolicyAction.Pass;
        return list.Action switch
        {
            IntelAction.NxDomain => PolicyAction.NxDomain,
            IntelAction.NoData => PolicyAction.NoData,
            IntelAction.PassThru => PolicyAction.Pass,
            IntelAction.Drop => PolicyAction.Drop,
            IntelAction.LocalData => PolicyAction.LocalData,
            _ => _blockCategories.Contains(list.Category) ? _blockAction : PolicyAction.Pass,
        };
    }
}
