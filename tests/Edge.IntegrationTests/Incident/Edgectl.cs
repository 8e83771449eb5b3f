using System.Diagnostics;
using System.Text;
using Edge.IntegrationTests.TestSupport;

namespace Edge.IntegrationTests.Incident;

/// <summary>The real edgectl (the build beside the tests), run to its end with a time limit, or
/// started and left running (<c>watch</c>) with its stdout and stderr kept apart.</summary>
public sealed class Edgectl : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private Edgectl(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "edgectl.dll");

    /// <summary>Runs to the end (at most <paramref name="seconds"/>): exit code and stdout + stderr.</summary>
    public static (int Code, string Output) Run(int seconds, params string[] args) =>
        ToolRun.Run("dotnet", AppContext.BaseDirectory, TimeSpan.FromSeconds(seconds), ["exec", Dll, .. args]);

    public static Edgectl Start(params string[] args)
    {
        var start = DotnetChild.StartInfo();
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return new Edgectl(Process.Start(start)!);
    }

    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public bool HasExited => _process.HasExited;

    /// <summary>SIGINT, as Ctrl+C in a terminal; the exit code, or a failure when it does not stop in time.</summary>
    public int Interrupt(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-s", "INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            kill.WaitForExit(10_000);
        if (!_process.WaitForExit(timeout))
            Assert.Fail($"edgectl did not stop within {timeout} of SIGINT\nthreads: {ProcessThreads.Describe(_process.Id)}\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
            return;
        lock (buffer)
            buffer.Append(line).Append('\n');
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
            return buffer.ToString();
    }
}
