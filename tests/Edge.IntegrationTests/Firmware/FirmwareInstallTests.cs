using System.Diagnostics;
using System.Text.Json;
using Edge.Firmware.Slots;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.IntegrationTests.Service;
using Edge.IntegrationTests.TestSupport;
using Edge.Uplink.Commands.Signing;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Firmware;

/// <summary><c>edge-service firmware install</c> as a real process: killed with SIGKILL at many moments
/// of an update, the slot root always has <c>current</c> on a whole slot and the next install works;
/// a bundle signed by a key the sensor does not trust changes nothing; a rollback is told once as an
/// alert by the slot that runs again.</summary>
public sealed class FirmwareInstallTests : IDisposable
{
    private const int PayloadBytes = 24 << 20;
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("edge-firmware-");
    private readonly byte[] _key = Ed25519Signatures.NewPrivateKey();

    public void Dispose() => _work.Delete(recursive: true);

    private string Root => Path.Combine(_work.FullName, "opt-edge");

    private Dictionary<string, string> Environment() => new()
    {
        ["Edge__Firmware__TrustedKeys__tech-1"] = Convert.ToBase64String(Ed25519Signatures.PublicKeyOf(_key)),
        ["Edge__Sensor__StateDirectory"] = Path.Combine(_work.FullName, "state"),
    };

    [Fact]
    public void Killed_at_any_moment_of_an_update_the_sensor_keeps_a_whole_slot_and_the_next_update_goes_in()
    {
        var first = Bundle("2.0.0");
        var second = Bundle("3.0.0");
        Assert.Equal(0, Install(first).ExitCode);
        new SlotStore(Root, TimeProvider.System).ConfirmHealthy();

        // Kill the second update ever later, 15 ms apart, until it gets through once (bounded: 200 tries).
        var outcomes = new List<string>();
        for (var delay = 30; delay < 30 + 200 * 15; delay += 15)
        {
            var (exited, code) = InstallKilledAfter(second, TimeSpan.FromMilliseconds(delay));
            var running = RunningVersion();
            Assert.True(running is "2.0.0" or "3.0.0", $"after a kill at {delay} ms current runs '{running}'");
            AssertWhole(running);
            outcomes.Add(exited ? $"{delay}:exit{code}:{running}" : $"{delay}:killed:{running}");
            if (exited)
                break;
        }
        Assert.True(outcomes.Count(o => o.Contains(":killed:", StringComparison.Ordinal)) >= 8, string.Join(' ', outcomes));
        Assert.EndsWith("exit0:3.0.0", outcomes[^1], StringComparison.Ordinal);

        // And after all that, a further update still goes into the idle slot, and says so for systemd.
        Assert.Equal(0, Install(Bundle("4.0.0")).ExitCode);
        Assert.Equal("4.0.0", RunningVersion());
        Assert.Equal("4.0.0\n", File.ReadAllText(Path.Combine(Root, "update-ready")));
    }

    [Fact]
    public void A_bundle_signed_by_an_unknown_key_is_refused_by_name_and_changes_nothing()
    {
        Assert.Equal(0, Install(Bundle("2.0.0")).ExitCode);
        var stranger = Bundle("9.0.0", Ed25519Signatures.NewPrivateKey(), "stranger");

        var (code, output) = Install(stranger);

        Assert.Equal(1, code);
        Assert.Contains("refused: unknown-key", output, StringComparison.Ordinal);
        Assert.Equal("2.0.0", RunningVersion());
        Assert.Null(new SlotStore(Root, TimeProvider.System).ReadState().LastRollback);
    }

    [Fact]
    public void The_service_keeps_a_new_slot_once_healthy_with_a_heartbeat_sent()
    {
        Assert.Equal(0, Install(Bundle("2.0.0")).ExitCode);

        var (code, output) = Run();

        Assert.True(code == 0, output);
        Assert.Contains("firmware in slot b is healthy: the update is kept", output, StringComparison.Ordinal);
        Assert.Null(new SlotStore(Root, TimeProvider.System).ReadState().Trial);
    }

    [Fact]
    public async Task A_new_slot_that_keeps_failing_to_start_is_abandoned_and_the_previous_slot_reports_it_once_as_an_alert()
    {
        Assert.Equal(0, Install(Bundle("2.0.0")).ExitCode);
        new SlotStore(Root, TimeProvider.System).ConfirmHealthy();
        Assert.Equal(0, Install(Bundle("3.0.0")).ExitCode);
        var slots = new SlotStore(Root, TimeProvider.System);
        for (var i = 0; i < 3; i++)
            Assert.Equal(BootVerdict.OnTrial, slots.OnServiceStart(TrialPolicy.Default).Verdict);

        var (code, output) = Run();

        Assert.Equal(1, code);
        Assert.Contains("firmware trial failed, back to slot b: version 3.0.0 started 3 times without becoming healthy", output, StringComparison.Ordinal);
        Assert.Equal("2.0.0", RunningVersion());
        Assert.Equal("3.0.0", slots.ReadState().LastRollback?.Version);
        Assert.Null(slots.ReadState().LastRollback?.AlertId);

        // The previous slot starts (as systemd would): one alert at the broker, and none from the start after.
        await using var broker = await MosquittoProcess.StartAsync();
        await using var responder = await TestSubscriber.ConnectAsync("127.0.0.1", broker.Port, "responder", filters: "edge/v1/#");
        var (second, secondOutput) = Run(broker.Url);
        Assert.True(second == 0, secondOutput);
        var alertId = slots.ReadState().LastRollback?.AlertId;
        Assert.NotNull(alertId);
        Assert.Contains($"firmware 3.0.0 was rolled back; reported as alert {alertId}", secondOutput, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => SensorAlerts(responder).Count > 0, TimeSpan.FromSeconds(10), "the rollback alert at the responder");
        var alert = Assert.Single(SensorAlerts(responder));
        SchemaValidator.AssertValid("edge.alert.v1.schema.json", alert);
        using (var json = JsonDocument.Parse(alert))
        {
            var root = json.RootElement;
            Assert.Equal((alertId, "sensor", "high", "edge.firmware.rollback", "3.0.0"), (root.GetProperty("id").GetString(),
                root.GetProperty("category").GetString(), root.GetProperty("severity").GetString(),
                root.GetProperty("rule").GetProperty("id").GetString(), root.GetProperty("indicator").GetString()));
            Assert.Contains("3.0.0 started 3 times without becoming healthy; slot b", root.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        }
        Assert.Contains(responder.On("edge/v1/dev/sensor-1/status"), m => m.Payload.Contains("\"rollback\":{\"version\":\"3.0.0\"", StringComparison.Ordinal));
        using (var status = ServiceProcess.Start(Environment(), "firmware", "status", "--root", Root))
        {
            Assert.Equal(0, status.WaitForExit(TimeSpan.FromSeconds(30)));
            Assert.Contains($"without becoming healthy (alert {alertId})", status.Output, StringComparison.Ordinal);
        }

        var alertsBefore = AlertMessages(responder);
        var (third, thirdOutput) = Run(broker.Url);
        Assert.True(third == 0, thirdOutput);
        // The outbox sends in order and this start's traffic alerts came after where a rollback alert would be.
        await Eventually.TrueAsync(() => AlertMessages(responder) > alertsBefore, TimeSpan.FromSeconds(10), "the next start's alerts");
        Assert.Single(SensorAlerts(responder));
        Assert.DoesNotContain("reported as alert", thirdOutput, StringComparison.Ordinal);
    }

    private static List<string> SensorAlerts(TestSubscriber responder) =>
        responder.On("edge/v1/dev/sensor-1/alert/sensor").Select(m => m.Payload).ToList();

    private static int AlertMessages(TestSubscriber responder) =>
        responder.Received.Count(m => m.Topic.StartsWith("edge/v1/dev/sensor-1/alert/", StringComparison.Ordinal));

    /// <param name="broker">The broker to report to; without one the service runs its embedded broker.</param>
    private (int ExitCode, string Output) Run(string? broker = null)
    {
        var environment = Environment();
        if (broker is not null)
            environment["Edge__Uplink__Broker"] = broker;
        environment["Edge__Firmware__SlotRoot"] = Root;
        environment["Edge__Hardware__Gpio"] = "Simulated";
        environment["Edge__StatusPage__Port"] = Mqtt.TestSupport.MosquittoProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = ServiceProcess.Start(environment, "run", "--speed", "100", "--exit-at-end");
        var code = process.WaitForExit(TimeSpan.FromMinutes(1));
        return (code, process.Output);
    }

    private (int ExitCode, string Output) Install(string bundle)
    {
        using var process = ServiceProcess.Start(Environment(), "firmware", "install", bundle, "--root", Root);
        var code = process.WaitForExit(TimeSpan.FromMinutes(1));
        return (code, process.Output);
    }

    private (bool Exited, int Code) InstallKilledAfter(string bundle, TimeSpan delay)
    {
        using var process = ServiceProcess.Start(Environment(), "firmware", "install", bundle, "--root", Root);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < delay && !process.HasExited)
            Thread.Sleep(5);
        if (process.HasExited)
            return (true, process.WaitForExit(TimeSpan.FromSeconds(5)));
        process.KillHard();
        return (false, -9);
    }

    private string RunningVersion() => File.ReadAllText(Path.Combine(Root, "current", "version"));

    /// <summary>Every file of the running slot is the one that version's bundle carried.</summary>
    private void AssertWhole(string version)
    {
        var binary = Path.Combine(Root, "current", "edge-service");
        Assert.Equal(PayloadBytes, new FileInfo(binary).Length);
        using var stream = File.OpenRead(binary);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Payload(version))),
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream)));
    }

    private string Bundle(string version, byte[]? key = null, string keyId = "tech-1") =>
        TestBundles.Write(Path.Combine(_work.FullName, $"edge-{version}-{keyId}.bundle"), version, key ?? _key, keyId, Payload(version));

    /// <summary>A deterministic stand-in for the service binary, different per version.</summary>
    private static byte[] Payload(string version)
    {
        var bytes = new byte[PayloadBytes];
        new Random(version.GetHashCode(StringComparison.Ordinal)).NextBytes(bytes);
        return bytes;
    }
}
