using System.Collections.Frozen;

namespace Edge.Cli.Reports;

/// <summary>The order and names the provincial directives use for the alert categories. Category
/// <c>sensor</c> is the sensor's own events (firmware rollbacks): listed apart, never a violation.
/// A category this edgectl does not know yet is reported after these under its own name.</summary>
public static class ReportCategories
{
    public const string Sensor = "sensor";

    public static IReadOnlyList<(string Id, string Title)> Known { get; } =
    [
        ("phishing", "Phishing sites"),
        ("mining", "Crypto-mining connections"),
        ("cnc", "C&C connections"),
        ("wannacry", "WannaCry"),
        ("botnet", "Botnet hosts"),
        ("dga", "DGA domains"),
        ("dns-tunnel", "DNS tunnels"),
        ("scan", "Scans"),
        ("doh-bypass", "DoH bypass"),
        ("typosquat", "Typosquats"),
        ("malware", "Malware"),
    ];

    private static readonly FrozenDictionary<string, int> Rank =
        Known.Select((c, i) => (c.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Titles =
        Known.ToFrozenDictionary(c => c.Id, c => c.Title, StringComparer.Ordinal);

    public static string Title(string category) => Titles.TryGetValue(category, out var title) ? title : category;

    /// <summary>Known categories in the directives' order, then unknown ones by name.</summary>
    public static int Compare(string a, string b)
    {
        var ra = Rank.TryGetValue(a, out var x) ? x : int.MaxValue;
        var rb = Rank.TryGetValue(b, out var y) ? y : int.MaxValue;
        return ra != rb ? ra.CompareTo(rb) : string.CompareOrdinal(a, b);
    }

    public static IComparer<string> Comparer { get; } = Comparer<string>.Create(Compare);
}
