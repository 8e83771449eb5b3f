using System.Diagnostics;
using System.Globalization;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.IntegrationTests.TestSupport;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Service;

/// <summary><c>systemctl reload edge-service</c> (SIGHUP) reads the intel lists again from disk while
/// the DNS forwarder keeps answering: a name added to a list is sinkholed from then on, on loopback
/// with a real dnsmasq upstream and dig as the client. The forwarder's queries and answers reach the
/// event log (<c>run --events</c>) and the detectors, whose alert for a sinkholed name says blocked.</summary>
public sealed class IntelReloadTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("edge-reload-");
    private string _lastDig = "none";

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task A_name_added_to_a_list_is_blocked_after_SIGHUP_without_a_restart()
    {
        var intel = Directory.CreateDirectory(Path.Combine(_folder.FullName, "intel"));
        var list = Path.Combine(intel.FullName, "phishing.txt");
        File.WriteAllText(list, "old.test\n");
        var events = Path.Combine(_folder.FullName, "events.jsonl");
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
            }, "run", "--events", events);
            await Until(service, () => Dig(port, "new.test") == "NOERROR 192.0.2.7", "new.test answered through the forwarder");
            Assert.Equal("NXDOMAIN", Dig(port, "old.test"));

            File.WriteAllText(list, "old.test\nnew.test\n");
            using (var hangup = Process.Start("kill", ["-HUP", service.Id.ToString(CultureInfo.InvariantCulture)])!)
            {
                Assert.True(hangup.WaitForExit(5000) && hangup.ExitCode == 0);
            }

            await Until(service, () => service.Output.Contains("intel reloaded (SIGHUP)", StringComparison.Ordinal), "the reload's log line");
            await Until(service, () => Dig(port, "new.test") == "NXDOMAIN", "new.test sinkholed after SIGHUP");
            Assert.Equal("NXDOMAIN", Dig(port, "old.test"));
            Assert.Equal("NOERROR 192.0.2.7", Dig(port, "other.test"));
            Assert.False(service.HasExited, service.Output);

            // The log is flushed every second and other.test was asked after new.test: wait for the last line too.
            await Until(service, () => EventLines(events).Any(line => line.Contains("\"type\":\"alert\"", StringComparison.Ordinal)
                && line.Contains("\"indicator\":\"new.test\"", StringComparison.Ordinal)), "the alert for new.test in the event log");
            await Until(service, () => EventLines(events).Any(line => line.Contains("\"qr\":\"response\",\"qname\":\"other.test\"", StringComparison.Ordinal)),
                "the answer to other.test in the event log");
            var lines = EventLines(events);
            Assert.Contains(lines, line => line.Contains("\"type\":\"dns\"", StringComparison.Ordinal)
                && line.Contains("\"qr\":\"query\",\"qname\":\"other.test\"", StringComparison.Ordinal)
                && line.Contains($"\"dst_port\":{port}", StringComparison.Ordinal));
            Assert.Contains(lines, line => line.Contains("\"qr\":\"response\",\"qname\":\"other.test\"", StringComparison.Ordinal)
                && line.Contains("\"data\":\"192.0.2.7\"", StringComparison.Ordinal));
            Assert.All(lines.Where(line => line.Contains("\"type\":\"alert\"", StringComparison.Ordinal)),
                line => Assert.Contains("\"blocked\":true", line, StringComparison.Ordinal));
        }
        finally
        {
            upstream.Kill();
        }
    }

    /// <summary>Waits for <paramref name="condition"/>; a timeout fails with the service's output and the last dig.</summary>
    private async Task Until(ServiceProcess service, Func<bool> condition, string what)
    {
        try
        {
            await Eventually.TrueAsync(condition, Wait, what);
        }
        catch (Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{what}: not within {Wait}; last dig: {_lastDig}; service threads: {ProcessThreads.Describe(service.Id)}; service output:\n{service.Output}");
        }
    }

    private static List<string> EventLines(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
            lines.Add(line);
        return lines;
    }

    /// <summary>"RCODE answer" from dig, e.g. "NOERROR 192.0.2.7" or "NXDOMAIN".</summary>
    private string Dig(int port, string name)
    {
        var (_, output) = ToolRun.Run("dig", Path.GetTempPath(), TimeSpan.FromSeconds(10),
            "@127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), name, "A", "+tries=1", "+time=2", "+noall", "+comments", "+answer");
        var status = output.Split("status: ", 2) is [_, var rest] ? rest.Split(',')[0] : "no answer";
        var address = output.Split('\n').Select(line => line.Split('\t', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 4 && fields[^2] == "A").Select(fields => fields[^1].Trim()).FirstOrDefault();
        _lastDig = $"{name}: {output.Trim()}";
        return address is null ? status : $"{status} {address}";
    }
}
