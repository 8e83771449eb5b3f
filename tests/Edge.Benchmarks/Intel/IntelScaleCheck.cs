using System.Diagnostics;
using System.Globalization;
using Edge.Detect.Intel;

namespace Edge.Benchmarks.Intel;

/// <summary><c>dotnet run -c Release --project tests/Edge.Benchmarks -- --intel-scale</c>:
/// writes 3,000,000 synthetic domains and 1,000,000 CIDRs to files, then runs each case in a
/// fresh process (<see cref="IntelScaleCase"/>) so one case's heap and peak RSS cannot leak into
/// the next.</summary>
internal static class IntelScaleCheck
{
    private static readonly string[] s_cases = ["domains", "cidrs", "reload", "shards"];

    /// <param name="only">Run just this case (reload, shards, domains, cidrs); null runs all.</param>
    public static void Run(string? only = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "edge-intel-scale-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        var domains = Path.Combine(folder, "domains.txt");
        var cidrs = Path.Combine(folder, "ips.txt");
        SyntheticIntel.WriteDomains(domains, 3_000_000);
        SyntheticIntel.WriteCidrs(cidrs, 1_000_000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"files: domains {new FileInfo(domains).Length >> 20} MiB, cidrs {new FileInfo(cidrs).Length >> 20} MiB"));
        try
        {
            foreach (var name in s_cases.Where(name => only is null || name == only))
                RunChild(name, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void RunChild(string name, string folder)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("no process path"))
        {
            UseShellExecute = false,
        };
        start.ArgumentList.Add(IntelScaleCase.Argument);
        start.ArgumentList.Add(name);
        start.ArgumentList.Add(folder);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        child.WaitForExit();
        if (child.ExitCode != 0)
            throw new InvalidOperationException($"case {name} exited with {child.ExitCode}");
    }
}
