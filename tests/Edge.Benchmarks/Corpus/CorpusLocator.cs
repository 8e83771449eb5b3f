namespace Edge.Benchmarks.Corpus;

/// <summary>Finds ../shared/corpora beside the repository root (the folder holding Edge.sln), or the
/// folder named by EDGE_CORPORA.</summary>
internal static class CorpusLocator
{
    public static string Pcap(string scenario) => Path.Combine(Root(), "pcaps", scenario + ".pcap");

    /// <summary>The corpus intel folder (domains, ips, benign, doh, protected lists).</summary>
    public static string Intel() => Path.Combine(Root(), "intel");

    private static string Root()
    {
        var env = Environment.GetEnvironmentVariable("EDGE_CORPORA");
        if (!string.IsNullOrEmpty(env))
            return env;
        // BenchmarkDotNet runs each benchmark from a generated project below bin/, so both start
        // points usually lead to the same repository.
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Edge.sln")))
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpora"));
            }
        }
        throw new DirectoryNotFoundException("Edge.sln not found above the benchmark binaries; set EDGE_CORPORA");
    }
}
