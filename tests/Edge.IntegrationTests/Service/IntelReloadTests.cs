using System.Diagnostics;
using System.Globalization;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.IntegrationTests.TestSupport;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Service;

/// <summary><c>systemctl reload edge-service</c> (SIGHUP) reads the intel lists again from disk while
/// the DNS forwarder keeps answering: a name added to a list is sinkholed from then on, on loopback
/// with a real dnsmasq upstream and dig as the client.</summary>
public sealed class IntelReloadTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("edge-reload-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task A_name_added_to_a_list_is_blocked_after_SIGHUP_without_a_restart()
    {
        var intel = Directory.CreateDirectory(Path.Combine(_folder.FullName, "intel"));
        var list = Path.Combine(intel.FullName, "phishing.txt");
        File.WriteAllText(list, "old.test\n");
        var upstreamPort = MosquittoProcess.FreePort();
        var port = MosquittoProcess.FreePort();
        using var upstream = Process.Start(new ProcessStartInfo("dnsmasq",
            ["--no-daemon", "--no-resolv", "--no-hosts", "--bind-interfaces", "--listen-address=127.0.0.1",
                $"--port={upstreamPort}", "--address=/test/192.0.2.7"]) { RedirectStandardError = true, UseShellExecute = false })!;
        try
        {
            using var service = ServiceProcess.Start(new Dictionary<string, string>
            {
                ["Edge__Sensor__StateDirectory"] = Path.Combine(_folder.FullName, "state"),
                ["Edge__Hardware__Gpio"] = "Simulated",
                ["Edge__StatusPage__Enabled"] = "false",
                ["Edge__Capture__Enabled"] = "false",
                ["Edge__Intel__Lists__0"] = intel.FullName,
                ["Edge__Dns__Enabled"] = "true",
                ["Edge__Dns__Listen__0"] = $"127.0.0.1:{port}",
                ["Edge__Dns__Upstreams__0"] = $"127.0.0.1:{upstreamPort}",
            }, "run");
            await Eventually.TrueAsync(() => Dig(port, "new.test") == "NOERROR 192.0.2.7", Wait, "new.test answered through the forwarder");
            Assert.Equal("NXDOMAIN", Dig(port, "old.test"));

            File.WriteAllText(list, "old.test\nnew.test\n");
            using (var hangup = Process.Start("kill", ["-HUP", service.Id.ToString(CultureInfo.InvariantCulture)])!)
            {
                Assert.True(hangup.WaitForExit(5000) && hangup.ExitCode == 0);
            }

            await Eventually.TrueAsync(() => Dig(port, "new.test") == "NXDOMAIN", Wait, "new.test sinkholed after SIGHUP");
            Assert.Equal("NXDOMAIN", Dig(port, "old.test"));
            Assert.Equal("NOERROR 192.0.2.7", Dig(port, "other.test"));
            Assert.False(service.HasExited, service.Output);
            Assert.Contains("intel reloaded (SIGHUP)", service.Output, StringComparison.Ordinal);
        }
        finally
        {
            upstream.Kill();
        }
    }

    /// <summary>"RCODE answer" from dig, e.g. "NOERROR 192.0.2.7" or "NXDOMAIN".</summary>
    private static string Dig(int port, string name)
    {
        var (_, output) = ToolRun.Run("dig", Path.GetTempPath(), TimeSpan.FromSeconds(10),
            "@127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), name, "A", "+tries=1", "+time=2", "+noall", "+comments", "+answer");
        var status = output.Split("status: ", 2) is [_, var rest] ? rest.Split(',')[0] : "no answer";
        var address = output.Split('\n').Select(line => line.Split('\t', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 4 && fields[^2] == "A").Select(fields => fields[^1].Trim()).FirstOrDefault();
        return address is null ? status : $"{status} {address}";
    }
}
