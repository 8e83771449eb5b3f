using System.Text;
using System.Text.Json;
using Edge.Watch.Tests.TestSupport;

namespace Edge.Detect.Tests.Names;

/// <summary>Names from shared/corpora: intel lists, generator output and truth alerts.</summary>
internal static class NameCorpus
{
    public static IReadOnlyList<string> Benign() => IntelList("benign.txt");

    public static IReadOnlyList<string> Protected() => IntelList("protected.txt");

    public static IReadOnlyList<string> GeneratedDga()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Corpus.Root, "gen", "generated.json")));
        return [.. doc.RootElement.GetProperty("dga").EnumerateArray().Select(e => e.GetString()!)];
    }

    /// <summary>(indicator, protected, fuzzer) of every typosquat alert a scenario's truth expects.</summary>
    public static IReadOnlyList<(string Name, string Protected, string Fuzzer)> TyposquatAlerts(string scenario)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Corpus.Truth(scenario)));
        return
        [
            .. doc.RootElement.GetProperty("expected_alerts").EnumerateArray()
                .Where(a => a.GetProperty("category").GetString() == "typosquat")
                .Select(a => (a.GetProperty("indicator").GetString()!, a.GetProperty("protected").GetString()!, a.TryGetProperty("fuzzer", out var f) ? f.GetString()! : "")),
        ];
    }

    public static byte[] Bytes(string name) => Encoding.ASCII.GetBytes(name);

    private static List<string> IntelList(string file) =>
        [.. File.ReadLines(Path.Combine(Corpus.Root, "intel", file)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
}
