using Edge.Detect.Findings;
using Edge.Detect.Intel;

namespace Edge.Detect.Detectors;

/// <summary>A name's intel listing, looked up once and asked several questions.</summary>
internal readonly record struct Listing(bool Found, DomainMatch Match)
{
    public bool IsThreat => Found && AlertCategories.IsThreatList(Match.List.Category);

    public bool IsBenign => Is("benign");

    public bool Is(string category) => Found && string.Equals(Match.List.Category, category, StringComparison.Ordinal);

    public static Listing Of(IntelSnapshot snapshot, ReadOnlySpan<byte> name) =>
        snapshot.TryMatchDomain(name, out var match) ? new Listing(true, match) : default;
}
