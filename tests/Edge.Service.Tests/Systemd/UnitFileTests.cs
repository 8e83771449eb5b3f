namespace Edge.Service.Tests.Systemd;

/// <summary>deploy/systemd/edge-service.service keeps what the service relies on, so an edit cannot
/// silently break notify, the watchdog, capture or the device files.</summary>
public class UnitFileTests(ITestOutputHelper output)
{
    private readonly UnitFile _unit = UnitFile.Parse(File.ReadAllText(UnitFile.Shipped));

    [Fact]
    public void The_service_reports_readiness_and_is_watched()
    {
        Assert.Equal("notify", _unit.Single("Service", "Type"));
        Assert.Equal("main", _unit.Single("Service", "NotifyAccess"));
        Assert.Equal("30", _unit.Single("Service", "WatchdogSec"));
        Assert.Equal("on-failure", _unit.Single("Service", "Restart"));
        Assert.Equal("5", _unit.Single("Service", "RestartSec"));
        Assert.Equal("30", _unit.Single("Service", "TimeoutStopSec"));
        Assert.Equal("SIGTERM", _unit.Single("Service", "KillSignal"));
    }

    [Fact]
    public void It_runs_the_appliance_from_the_current_slot_with_the_etc_config()
    {
        Assert.Equal("/opt/edge/current/edge-service run --config /etc/edge/appsettings.json", _unit.Single("Service", "ExecStart"));
        Assert.Equal("edge", _unit.Single("Service", "StateDirectory"));
        Assert.Equal("edge", _unit.Single("Service", "ConfigurationDirectory"));
        Assert.Equal("multi-user.target", _unit.Single("Install", "WantedBy"));
    }

    [Fact]
    public void The_gc_starts_with_a_small_gen0_budget_written_as_the_runtime_reads_it()
    {
        // Hex without 0x: with the prefix the NativeAOT runtime ignores the value (measured).
        Assert.Contains("DOTNET_GCgen0size=80000", _unit.All("Service", "Environment"));
    }

    [Fact]
    public void It_runs_unprivileged_with_the_capture_gateway_and_dns_capabilities_only()
    {
        Assert.Equal("edge", _unit.Single("Service", "User"));
        Assert.Contains("gpio", _unit.Words("Service", "SupplementaryGroups"));
        Assert.Equal(["CAP_NET_ADMIN", "CAP_NET_BIND_SERVICE", "CAP_NET_RAW"], _unit.Words("Service", "AmbientCapabilities").Order());
        Assert.Equal(["CAP_NET_ADMIN", "CAP_NET_BIND_SERVICE", "CAP_NET_RAW"], _unit.Words("Service", "CapabilityBoundingSet").Order());
        Assert.Equal("yes", _unit.Single("Service", "NoNewPrivileges"));
    }

    [Fact]
    public void Hardening_leaves_capture_the_watchdog_and_gpio_reachable()
    {
        Assert.Equal("strict", _unit.Single("Service", "ProtectSystem"));
        Assert.Equal("yes", _unit.Single("Service", "ProtectHome"));
        Assert.Equal("yes", _unit.Single("Service", "PrivateTmp"));
        Assert.Superset(new HashSet<string> { "AF_PACKET", "AF_NETLINK", "AF_UNIX", "AF_INET", "AF_INET6" }, _unit.Words("Service", "RestrictAddressFamilies").ToHashSet());
        Assert.Equal("no", _unit.Single("Service", "PrivateDevices"));
        Assert.Equal("closed", _unit.Single("Service", "DevicePolicy"));
        var devices = _unit.All("Service", "DeviceAllow");
        Assert.Contains("char-gpiochip rw", devices);
        Assert.Contains("/dev/watchdog rw", devices);
        // DeviceAllow= takes no globs; one would match nothing and lock the GPIO out.
        Assert.DoesNotContain(devices, d => d.Contains('*', StringComparison.Ordinal));
        // Each of these would stop the sensor: no capture socket, no JIT, no /proc/net.
        Assert.Empty(_unit.All("Service", "PrivateNetwork"));
        Assert.Empty(_unit.All("Service", "MemoryDenyWriteExecute"));
        Assert.Empty(_unit.All("Service", "ProcSubset"));
    }

    [Fact]
    public async Task Systemd_analyze_verify_accepts_it()
    {
        Assert.Contains("ExecStart=/opt/edge/current/edge-service run", File.ReadAllText(UnitFile.Shipped), StringComparison.Ordinal);
        await SystemdAnalyze.VerifyAsync(output, UnitFile.Shipped);
    }
}
