using System.Diagnostics;

namespace Edge.Service.Tests.TestSupport;

/// <summary>Runs the real edge-service executable (copied beside the tests) and captures its output.</summary>
public static class EdgeServiceProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "edge-service.dll");

    public static Result Run(params string[] args) => Run(new Dictionary<string, string>(), args);

    public static Result Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("edge-service did not finish within 60 s: " + string.Join(' ', args));
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
