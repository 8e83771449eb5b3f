using System.Diagnostics;
using Edge.IntegrationTests.TestSupport;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Incident;

/// <summary>A real <c>edgectl collect</c> (<c>dotnet exec edgectl.dll</c>, the build beside the
/// tests) as a child process, to be stopped with SIGTERM or killed with SIGKILL. Every wait is bounded.</summary>
public sealed partial class CollectorProcess : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly OutputCapture _output;

    private CollectorProcess(Process process)
    {
        _process = process;
        _output = new OutputCapture(process);
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "edgectl.dll");

    public string Output => _output.Text;

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    /// <summary>Starts <c>edgectl collect ARGS</c> and waits until it has subscribed.</summary>
    public static async Task<CollectorProcess> StartAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["exec", Dll, "collect", .. args])
            start.ArgumentList.Add(arg);
        var collector = new CollectorProcess(Process.Start(start)!);
        await Eventually.TrueAsync(() => collector.Connects >= 1 || collector.HasExited, Wait, "the collector connected and subscribed");
        Assert.False(collector.HasExited, "the collector exited at start:\n" + collector.Output);
        return collector;
    }

    /// <summary>How many times it has connected and subscribed.</summary>
    public int Connects => Regex.Count(Output, "mqtt: connected to ");

    /// <summary>SIGTERM, as systemd stops a service: returns the exit code.</summary>
    public int Terminate()
    {
        using (var kill = Process.Start("kill", ["-s", "TERM", Id.ToString(CultureInfo.InvariantCulture)]))
            kill.WaitForExit(10_000);
        if (!_process.WaitForExit(Wait))
        {
            _process.Kill();
            throw new TimeoutException("edgectl collect did not stop on SIGTERM:\n" + Output);
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: nothing of its shutdown runs.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit(10_000);
    }

    /// <summary>The totals of its last line (at stop): new alerts and repeated deliveries it stored.</summary>
    public (long Stored, long Repeated, long Rejects) Totals()
    {
        var line = Output.Split('\n').Last(l => l.Contains("alerts stored", StringComparison.Ordinal));
        var match = TotalsPattern().Match(line);
        Assert.True(match.Success, line);
        return (Number(match.Groups[1].Value), Number(match.Groups[2].Value), Number(match.Groups[3].Value));
    }

    private static long Number(string text) => long.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    [GeneratedRegex(@"collect: ([\d,]+) alerts stored, ([\d,]+) repeated, [\d,]+ statuses, [\d,]+ heartbeats, ([\d,]+) rejects")]
    private static partial Regex TotalsPattern();
}
