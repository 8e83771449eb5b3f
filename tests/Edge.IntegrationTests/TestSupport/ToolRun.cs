using System.Diagnostics;

namespace Edge.IntegrationTests.TestSupport;

/// <summary>Runs a program to its end with a time limit and returns its exit code and output; finds
/// the repository the tests were built from.</summary>
public static class ToolRun
{
    public static (int ExitCode, string Output) Run(string file, string directory, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} took longer than {timeout}");
        }
        return (process.ExitCode, output.Result + error.Result);
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Edge.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("Edge.sln not found above the test binaries");
    }
}
