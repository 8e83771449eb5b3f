using System.Diagnostics;
using System.Text;
using Edge.IntegrationTests.TestSupport;

namespace Edge.IntegrationTests.Service;

/// <summary>The real edge-service (the build copied beside the tests) run as a child process with
/// its own state folder and environment, so a test can kill it with SIGKILL and start it again.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly OutputCapture _output;

    private ServiceProcess(Process process)
    {
        _process = process;
        _output = new OutputCapture(process);
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "edge-service.dll");

    public string Output => _output.Text;

    public bool HasExited => _process.HasExited;

    public static ServiceProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = DotnetChild.StartInfo();
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return new ServiceProcess(Process.Start(start)!);
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"edge-service did not finish within {timeout}:\n{Output}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public int Id => _process.Id;

    /// <summary>SIGTERM, as systemd stops a service: the graceful stop runs.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-s", "TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit(10_000);
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or a power cut of the process.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
