namespace Edge.Watch.Tests.TestSupport;

/// <summary>Finds ../shared/corpora beside the repository root (the folder holding Edge.sln).</summary>
public static class Corpus
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string Pcap(string scenario) => Path.Combine(Root, "pcaps", scenario + ".pcap");

    public static string Truth(string scenario) => Path.Combine(Root, "truth", scenario + ".json");

    public static IEnumerable<string> Scenarios()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "pcaps"), "*.pcap"))
            yield return Path.GetFileNameWithoutExtension(file);
    }

    /// <summary>Every corpus scenario, in a stable order, for [MemberData].</summary>
    public static TheoryData<string> ScenarioData()
    {
        var data = new TheoryData<string>();
        foreach (var scenario in Scenarios().Order(StringComparer.Ordinal))
            data.Add(scenario);
        return data;
    }

    private static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("EDGE_CORPORA");
        if (!string.IsNullOrEmpty(env))
            return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Edge.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpora"));
        }
        throw new DirectoryNotFoundException("Edge.sln not found above the test binaries; set EDGE_CORPORA");
    }
}
