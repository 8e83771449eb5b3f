using System.Diagnostics;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.Service.Tests.Systemd;

/// <summary>The flash agent's units: it runs on the USB gadget's tty with write access to the slots
/// only, and an install (not the service's own trial bookkeeping) restarts the sensor.</summary>
public class FlashAgentUnitTests(ITestOutputHelper output)
{
    private static string Deploy => Path.GetDirectoryName(UnitFile.Shipped)!;

    private static UnitFile Read(string name) => UnitFile.Parse(File.ReadAllText(Path.Combine(Deploy, name)));

    [Fact]
    public void The_agent_serves_the_gadget_tty_and_writes_only_the_slots_and_its_state()
    {
        var agent = Read("edge-flash-agent.service");
        Assert.Equal("/opt/edge/current/edge-service firmware agent --port /dev/ttyGS0 --root /opt/edge --config /etc/edge/appsettings.json",
            agent.Single("Service", "ExecStart"));
        Assert.Equal("dev-ttyGS0.device", agent.Single("Unit", "BindsTo"));
        Assert.Equal("edge", agent.Single("Service", "User"));
        Assert.Equal("/opt/edge", agent.Single("Service", "ReadWritePaths"));
        Assert.Equal("strict", agent.Single("Service", "ProtectSystem"));
        Assert.Equal("yes", agent.Single("Service", "PrivateNetwork"));
    }

    [Fact]
    public void Only_an_install_restarts_the_sensor()
    {
        Assert.Equal("/opt/edge/" + Edge.Service.Firmware.FirmwareInstaller.UpdateReadyFile, Read("edge-service-update.path").Single("Path", "PathChanged"));
        Assert.Equal("/usr/bin/systemctl restart edge-service.service", Read("edge-service-update.service").Single("Service", "ExecStart"));
    }

    [Fact]
    public async Task Systemd_analyze_verify_accepts_them()
    {
        var analyze = new[] { "/usr/bin/systemd-analyze", "/bin/systemd-analyze" }.FirstOrDefault(File.Exists);
        if (analyze is null)
            Assert.Skip("systemd-analyze is not installed here: the units were checked by their keys only");
        using var folder = new TempFolder();
        var start = new ProcessStartInfo(analyze) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("verify");
        foreach (var name in new[] { "edge-flash-agent.service", "edge-service-update.path", "edge-service-update.service" })
        {
            // verify wants the binary to exist; everything else is checked as shipped.
            var text = File.ReadAllText(Path.Combine(Deploy, name)).Replace("ExecStart=/opt/edge/current/edge-service ", "ExecStart=/bin/true ", StringComparison.Ordinal);
            File.WriteAllText(folder.File(name), text);
            start.ArgumentList.Add(folder.File(name));
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
