using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.IntegrationTests.TestSupport;
using Edge.Watch.Tests.TestSupport;

namespace Edge.IntegrationTests.NativeAot;

/// <summary>The appliance binary must compile with NativeAOT, without a single trim or AOT warning,
/// and behave exactly like the JIT build: same event log for the same capture.</summary>
public class NativeAotPublishTests
{

    [Fact]
    public void Edge_service_publishes_with_native_aot_and_writes_the_same_events()
    {
        if (!File.Exists("/usr/bin/clang"))
            Assert.Skip("clang is needed to link NativeAOT; tools/dev/deps.sh installs it");
        var repo = ToolRun.RepoRoot();
        var work = Directory.CreateTempSubdirectory("edge-aot-");
        try
        {
            var publish = ToolRun.Run("dotnet", repo, TimeSpan.FromMinutes(8),
                "publish", "edge-service/Edge.Service", "-c", "Release", "-r", "linux-x64",
                "-p:PublishAot=true", "--artifacts-path", Path.Combine(work.FullName, "artifacts"),
                "-o", Path.Combine(work.FullName, "out"));
            Assert.True(publish.ExitCode == 0, publish.Output);
            Assert.DoesNotMatch(@"warning [A-Z]+\d+", publish.Output);

            var native = Path.Combine(work.FullName, "out", "edge-service");
            var pcap = Corpus.Pcap("mixed");
            var aotEvents = Path.Combine(work.FullName, "aot.ndjson");
            var jitEvents = Path.Combine(work.FullName, "jit.ndjson");
            Assert.Equal(0, ToolRun.Run(native, repo, TimeSpan.FromMinutes(1), "replay", pcap, "--events", aotEvents, "--no-progress").ExitCode);
            var jit = Path.Combine(AppContext.BaseDirectory, "edge-service.dll");
            Assert.Equal(0, ToolRun.Run("dotnet", repo, TimeSpan.FromMinutes(1), "exec", jit, "replay", pcap, "--events", jitEvents, "--no-progress").ExitCode);
            Assert.Equal(File.ReadAllText(jitEvents), File.ReadAllText(aotEvents));

            // Settings are bound by generated code, so the native binary reads and checks them too.
            Assert.True(File.Exists(Path.Combine(work.FullName, "out", "appsettings.json")));
            var badConfig = Path.Combine(work.FullName, "bad.json");
            File.WriteAllText(badConfig, """{ "Edge": { "Detection": { "Beacon": { "Window": 2 } } } }""");
            var refused = ToolRun.Run(native, repo, TimeSpan.FromMinutes(1), "replay", pcap, "--config", badConfig, "--no-progress");
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("Edge:Detection:Beacon:Window", refused.Output, StringComparison.Ordinal);

            // The uplink under NativeAOT: SQLite outbox, MQTTnet client and the embedded MQTTnet broker.
            var settings = Path.Combine(work.FullName, "publish.json");
            File.WriteAllText(settings, $$"""{ "Edge": { "Sensor": { "StateDirectory": "{{Path.Combine(work.FullName, "state")}}" } } }""");
            var published = ToolRun.Run(native, repo, TimeSpan.FromMinutes(1), "replay", "--config", settings, "--publish", "--no-progress");
            Assert.True(published.ExitCode == 0, published.Output);
            Assert.Matches(@"(?m)^outbox\s+27 alert message\(s\) stored .*27 message\(s\) acknowledged by the broker, 0 left", published.Output);
            Assert.Matches(@"(?m)^broker saw\s+27 alert\(s\)", published.Output);

            // The service under NativeAOT: Generic Host, simulated GPIO and LEDs, the status page's own HTTP server.
            var service = Path.Combine(work.FullName, "run.json");
            File.WriteAllText(service, $$"""{ "Edge": { "Sensor": { "StateDirectory": "{{Path.Combine(work.FullName, "run-state")}}" }, "StatusPage": { "Port": {{MosquittoProcess.FreePort()}} }, "Hardware": { "Gpio": "Simulated", "TerminalLeds": "On" } } }""");
            var ran = ToolRun.Run(native, repo, TimeSpan.FromMinutes(1), "run", "--config", service, "--speed", "1000", "--exit-at-end");
            Assert.True(ran.ExitCode == 0, ran.Output);
            Assert.Contains("LEDs  red fast blink  alert", ran.Output, StringComparison.Ordinal);
            Assert.Contains("status page on http://127.0.0.1:", ran.Output, StringComparison.Ordinal);
            Assert.Contains("685 packets, 23 alerts", ran.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(work.FullName, "run-state", "status-page-password.txt")));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
