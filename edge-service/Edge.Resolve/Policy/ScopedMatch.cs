using Edge.Detect.Intel;

namespace Edge.Resolve.Policy;

/// <summary>The most specific listed suffix whose scope covers the name: an Exact entry covers
/// only the name itself (match at 0), a Subdomains entry only names under it (match after 0),
/// Suffix both. When the most specific entry does not cover the name, its parent is looked up
/// next (RPZ: <c>*.evil.example</c> still covers <c>b.a.evil.example</c> when <c>a.evil.example</c>
/// is listed exactly). Correct whether or not the snapshot's own lookup honours scopes.</summary>
internal static class ScopedMatch
{
    public static bool TryMatch(IntelSnapshot snapshot, ReadOnlySpan<byte> name, out DomainMatch match)
    {
        match = default;
        if (ReferenceEquals(snapshot, IntelSnapshot.Empty))
            return false;
        var offset = 0;
        // At most one lookup per label (a name has at most 127).
        for (var guard = 0; guard < 128 && offset < name.Length; guard++)
        {
            if (!snapshot.TryMatchDomain(name[offset..], out var found))
                return false;
            var start = offset + found.Start;
            if (Covers(found.List.Scope, start))
            {
                match = new DomainMatch(found.List, start);
                return true;
            }
            var dot = name[start..].IndexOf((byte)'.');
            if (dot < 0)
                return false;
            offset = start + dot + 1;
        }
        return false;
    }

    public static bool Covers(IntelScope scope, int start) => scope switch
    {
        IntelScope.Exact => start == 0,
        IntelScope.Subdomains => start > 0,
        _ => true,
    };
}
