using Edge.Service.Systemd;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.Service.Tests.Systemd;

public sealed class SystemdNotifierTests : IDisposable
{
    private const int OurPid = 4242;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Notifications_reach_the_socket_named_by_NOTIFY_SOCKET()
    {
        var path = _folder.File("notify");
        using var systemd = new DatagramListener(path);
        using var notifier = new SystemdNotifier(Environment(("NOTIFY_SOCKET", path)), OurPid);

        notifier.Ready();
        notifier.Status("capturing on eth1\nfilter 'udp'");
        notifier.Watchdog();
        notifier.Stopping();

        Assert.True(notifier.Enabled);
        Assert.Equal("READY=1", systemd.ReceiveText());
        Assert.Equal("STATUS=capturing on eth1 filter 'udp'", systemd.ReceiveText());
        Assert.Equal("WATCHDOG=1", systemd.ReceiveText());
        Assert.Equal("STOPPING=1", systemd.ReceiveText());
        Assert.Equal(0, notifier.SendFailures);
    }

    [Fact]
    public void An_abstract_socket_is_named_with_an_at_sign()
    {
        var name = "edge-notify-test-" + Guid.NewGuid().ToString("N");
        using var systemd = new DatagramListener("\0" + name);
        using var notifier = new SystemdNotifier(Environment(("NOTIFY_SOCKET", "@" + name)), OurPid);

        notifier.Ready();

        Assert.Equal("READY=1", systemd.ReceiveText());
    }

    [Fact]
    public void Reloading_carries_the_monotonic_time_systemd_asks_for()
    {
        var path = _folder.File("notify");
        using var systemd = new DatagramListener(path);
        using var notifier = new SystemdNotifier(Environment(("NOTIFY_SOCKET", path)), OurPid);

        notifier.Reloading();

        var lines = systemd.ReceiveText().Split('\n');
        Assert.Equal("RELOADING=1", lines[0]);
        Assert.StartsWith("MONOTONIC_USEC=", lines[1], StringComparison.Ordinal);
        Assert.True(long.Parse(lines[1]["MONOTONIC_USEC=".Length..], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public void A_socket_nobody_listens_on_is_counted_not_thrown()
    {
        using var notifier = new SystemdNotifier(Environment(("NOTIFY_SOCKET", _folder.File("gone"))), OurPid);

        notifier.Ready();
        notifier.Watchdog();

        Assert.True(notifier.Enabled);
        Assert.Equal(2, notifier.SendFailures);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/path")]
    [InlineData("vsock:2:1234")]
    public void Without_a_usable_NOTIFY_SOCKET_it_does_nothing(string? address)
    {
        using var notifier = new SystemdNotifier(Environment(("NOTIFY_SOCKET", address)), OurPid);

        notifier.Ready();

        Assert.False(notifier.Enabled);
        Assert.Equal(0, notifier.SendFailures);
    }

    [Theory]
    [InlineData("30000000", null, 30_000)]
    [InlineData("30000000", "4242", 30_000)]
    [InlineData("30000000", "1", null)]
    [InlineData("30000000", "x", null)]
    [InlineData("0", null, null)]
    [InlineData("soon", null, null)]
    [InlineData(null, "4242", null)]
    public void The_watchdog_interval_is_ours_only_when_WATCHDOG_PID_is_unset_or_our_pid(string? usec, string? pid, int? expectedMilliseconds)
    {
        using var notifier = new SystemdNotifier(Environment(("WATCHDOG_USEC", usec), ("WATCHDOG_PID", pid)), OurPid);

        Assert.Equal(expectedMilliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null, notifier.WatchdogInterval);
    }

    [Fact]
    public void The_systemd_watchdog_device_pets_with_WATCHDOG_1_and_disarms_silently()
    {
        var path = _folder.File("notify");
        using var systemd = new DatagramListener(path);
        using var notifier = new SystemdNotifier(Environment(("NOTIFY_SOCKET", path)), OurPid);
        using var watchdog = new SystemdWatchdog(notifier);

        watchdog.Pet();
        watchdog.Disarm();
        watchdog.Dispose();
        notifier.Status("still here");

        Assert.Equal("WATCHDOG=1", systemd.ReceiveText());
        Assert.Equal("STATUS=still here", systemd.ReceiveText());
    }

    internal static Func<string, string?> Environment(params (string Name, string? Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
