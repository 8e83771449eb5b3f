using Edge.Detect.Findings;

namespace Edge.Detect.Suppressions;

/// <summary>Allowances checked before a finding may raise an alert; every suppressed finding is counted
/// against the suppression that took it, so nothing is silently lost.</summary>
public sealed class SuppressionList(IReadOnlyList<Suppression> suppressions)
{
    private readonly long[] _hits = new long[suppressions.Count];

    public static SuppressionList None { get; } = new([]);

    public IReadOnlyList<Suppression> Entries => suppressions;

    public long Suppressed { get; private set; }

    public long HitsOf(int index) => _hits[index];

    public bool Suppresses(Finding finding)
    {
        for (var i = 0; i < suppressions.Count; i++)
        {
            if (!suppressions[i].Matches(finding))
                continue;
            _hits[i]++;
            Suppressed++;
            return true;
        }
        return false;
    }
}
