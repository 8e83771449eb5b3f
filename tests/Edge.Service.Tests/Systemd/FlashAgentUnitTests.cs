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
    public async Task Systemd_analyze_verify_accepts_them() =>
        await SystemdAnalyze.VerifyAsync(output, [.. new[] { "edge-flash-agent.service", "edge-service-update.path", "edge-service-update.service" }.Select(name => Path.Combine(Deploy, name))]);
}
