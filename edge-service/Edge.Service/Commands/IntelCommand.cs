using System.CommandLine;
using System.Globalization;
using Edge.Detect.Intel;

namespace Edge.Service.Commands;

/// <summary><c>edge-service intel check FILE…</c>: loads lists the way the sensor would and reports
/// counts per category and source, and every line it refused with file and line number.</summary>
internal static class IntelCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "list files or folders of lists: plain domains, hosts, AdBlock, RPZ, CIDR",
            Arity = ArgumentArity.OneOrMore,
        };
        var category = new Option<string?>("--category")
        {
            Description = "category for lines whose file and column name none",
        };
        var check = new Command("check", "Check intel lists: counts per category, every bad line (exit 1 if any)")
        {
            files, category,
        };
        check.SetAction(parse => Check(parse.GetValue(files) ?? [], parse.GetValue(category), parse.InvocationConfiguration.Output));
        return new Command("intel", "Threat intel lists") { check };
    }

    private static int Check(string[] paths, string? category, TextWriter output)
    {
        foreach (var path in paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                Console.Error.WriteLine($"edge-service intel check: no such file or folder: {path}");
                return 2;
            }
        }
        var options = new IntelLoadOptions { DefaultCategory = category, MaxSamples = int.MaxValue };
        var (snapshot, report) = IntelLoader.Load(paths, options);
        output.WriteLine($"files          {report.Files} ({N(report.Lines)} lines)");
        output.WriteLine($"entries        {N(snapshot.DomainCount)} domains, {N(snapshot.CidrCount)} CIDRs ({N(report.Duplicates)} duplicates dropped)");
        output.WriteLine($"refused        {N(report.BadLines)} bad, {N(report.UnsupportedLines)} unsupported");
        output.WriteLine("by category");
        foreach (var (name, count) in report.ByCategory.OrderBy(p => p.Key, StringComparer.Ordinal))
            output.WriteLine($"  {name,-24} {N(count)}");
        output.WriteLine("by source");
        foreach (var (name, count) in report.BySource.OrderBy(p => p.Key, StringComparer.Ordinal))
            output.WriteLine($"  {name,-24} {N(count)}");
        foreach (var issue in report.Samples)
            output.WriteLine($"{(issue.IsUnsupported ? "unsupported" : "bad")}: {issue}");
        foreach (var warning in report.Warnings)
            output.WriteLine($"unreadable: {warning}");
        return report.BadLines == 0 && report.Complete ? 0 : 1;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
