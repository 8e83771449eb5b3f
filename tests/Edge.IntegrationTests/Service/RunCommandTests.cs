using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Service;

/// <summary><c>edge-service run</c> as systemd and agency IT see it: the real executable on the bundled
/// capture, with simulated GPIO and the embedded broker.</summary>
public sealed class RunCommandTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("edge-run-");

    public void Dispose() => _state.Delete(recursive: true);

    private Dictionary<string, string> Environment(int? statusPort = null) => new()
    {
        ["Edge__Sensor__StateDirectory"] = _state.FullName,
        ["Edge__Hardware__Gpio"] = "Simulated",
        ["Edge__Hardware__TerminalLeds"] = "On",
        ["Edge__StatusPage__Port"] = (statusPort ?? MosquittoProcess.FreePort()).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public void The_bundled_capture_moves_the_LEDs_from_booting_through_monitoring_to_alert_and_every_alert_reaches_the_broker()
    {
        using var service = ServiceProcess.Start(Environment(MosquittoProcess.FreePort()), "run", "--speed", "50", "--exit-at-end");
        Assert.Equal(0, service.WaitForExit(Wait));
        var output = service.Output;
        var booting = output.IndexOf("LEDs  green slow blink  booting", StringComparison.Ordinal);
        var alert = output.IndexOf("LEDs  red fast blink  alert", StringComparison.Ordinal);
        Assert.True(booting >= 0 && alert > booting, output);
        Assert.Contains("end of file lan-sample.pcap, realtime ×50: 685 packets, 23 alerts", output, StringComparison.Ordinal);
        Assert.DoesNotContain("did not take every alert", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_read_as_fast_as_it_goes_ends_the_service_cleanly_even_while_the_host_is_still_starting()
    {
        using var service = ServiceProcess.Start(Environment(), "run", "--pace", "Fast", "--exit-at-end");
        Assert.Equal(0, service.WaitForExit(Wait));
        Assert.Contains("685 packets, 23 alerts", service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("could not start", service.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_stops_the_start_with_exit_code_2_naming_the_key()
    {
        var environment = Environment();
        environment["Edge__Capture__Speed"] = "0";
        using var service = ServiceProcess.Start(environment, "run");
        Assert.Equal(2, service.WaitForExit(Wait));
        Assert.Contains("Edge:Capture:Speed", service.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_interface_stops_the_start_with_exit_code_2_naming_it_and_those_there_are()
    {
        using var service = ServiceProcess.Start(Environment(), "run", "--interface", "nosuchif0");
        Assert.Equal(2, service.WaitForExit(Wait));
        Assert.Contains("Edge:Capture:Interface: no capture interface 'nosuchif0'; available: ", service.Output, StringComparison.Ordinal);
        Assert.Contains("lo", service.Output, StringComparison.Ordinal);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Under_systemd_it_notifies_ready_pets_the_watchdog_while_healthy_and_stops_gracefully_on_SIGTERM()
    {
        var socketPath = Path.Combine(_state.FullName, "notify.sock");
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(socketPath));
        var messages = new List<string>();
        var receiving = Task.Run(() =>
        {
            var buffer = new byte[4096];
            while (true)
            {
                int read;
                try
                {
                    read = notify.Receive(buffer);
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    return;
                }
                lock (messages)
                    messages.Add(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }, Cancel);
        var port = MosquittoProcess.FreePort();
        var environment = Environment(port);
        environment["NOTIFY_SOCKET"] = socketPath;
        environment["WATCHDOG_USEC"] = "2000000";
        using var service = ServiceProcess.Start(environment, "run", "--speed", "1");
        bool Said(string text)
        {
            lock (messages)
                return messages.Exists(m => m.Contains(text, StringComparison.Ordinal));
        }
        await Eventually.TrueAsync(() => Said("READY=1"), Wait, $"READY=1\n{service.Output}");
        await Eventually.TrueAsync(() => Said("WATCHDOG=1"), Wait, "WATCHDOG=1 (every second with WatchdogSec=2)");
        Assert.True(Said("STATUS="), "a STATUS= line with the LED state");

        // The status page is up, read-only and behind the first-boot password.
        var password = (await File.ReadAllTextAsync(Path.Combine(_state.FullName, "status-page-password.txt"), Cancel)).Trim();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/status", Cancel)).StatusCode);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{password}")));
        var status = await http.GetStringAsync("api/status", Cancel);
        Assert.Contains("\"agency\":\"dev\"", status, StringComparison.Ordinal);
        Assert.Contains("edge_packets_total", await http.GetStringAsync("metrics", Cancel), StringComparison.Ordinal);

        service.Terminate();
        Assert.Equal(0, service.WaitForExit(TimeSpan.FromSeconds(30)));
        await Eventually.TrueAsync(() => Said("STOPPING=1"), TimeSpan.FromSeconds(5), "STOPPING=1");
        Assert.Contains("status offline published", service.Output, StringComparison.Ordinal);
        notify.Dispose();
        await receiving;
    }
}
