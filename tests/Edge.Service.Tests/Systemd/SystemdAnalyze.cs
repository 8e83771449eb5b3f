using System.Diagnostics;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.Service.Tests.Systemd;

/// <summary>Runs <c>systemd-analyze verify</c> on shipped units (their edge-service ExecStart pointed at
/// /bin/true, since verify wants the binary to exist) and insists on no output on standard error:
/// unknown keys and bad values are only warnings with exit code 0.</summary>
internal static class SystemdAnalyze
{
    public static async Task VerifyAsync(ITestOutputHelper output, params string[] shippedUnits)
    {
        var analyze = new[] { "/usr/bin/systemd-analyze", "/bin/systemd-analyze" }.FirstOrDefault(File.Exists);
        if (analyze is null)
            Assert.Skip("systemd-analyze is not installed here: the units were checked by their keys only");
        using var folder = new TempFolder();
        var start = new ProcessStartInfo(analyze) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("verify");
        foreach (var shipped in shippedUnits)
        {
            var copy = folder.File(Path.GetFileName(shipped));
            File.WriteAllText(copy, File.ReadAllText(shipped).Replace("ExecStart=/opt/edge/current/edge-service ", "ExecStart=/bin/true ", StringComparison.Ordinal));
            start.ArgumentList.Add(copy);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.True(process.WaitForExit(60_000), "systemd-analyze finished");

        output.WriteLine($"systemd-analyze verify: exit {process.ExitCode}\n{await stdout}{stderr}");
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", stderr.Trim());
    }
}
