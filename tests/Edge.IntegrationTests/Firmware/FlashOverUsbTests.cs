using System.Text.Json;
using Edge.Flashing.Tests.Pty;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.IntegrationTests.Service;
using Edge.IntegrationTests.TestSupport;
using Edge.Uplink.Commands.Signing;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Firmware;

/// <summary>The technician's path end to end: <c>edgectl flash</c> on one end of a socat PTY pair (the
/// laptop's /dev/ttyACM0), <c>edge-service firmware agent</c> on the other (the sensor's /dev/ttyGS0):
/// a good bundle goes into the idle slot on trial; a bundle signed by another key is refused by the
/// sensor and the running slot stays.</summary>
public sealed class FlashOverUsbTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("edge-flash-");
    private readonly byte[] _key = Ed25519Signatures.NewPrivateKey();

    public void Dispose() => _work.Delete(recursive: true);

    private string Root => Path.Combine(_work.FullName, "opt-edge");

    [Fact]
    public void A_signed_bundle_flashed_over_the_cable_is_installed_on_trial_and_a_foreign_one_is_refused()
    {
        Assert.True(Socat.Available, "socat is not installed: run tools/dev/deps.sh");
        var laptop = Path.Combine(_work.FullName, "ttyACM0");
        var sensor = Path.Combine(_work.FullName, "ttyGS0");
        using var cable = Socat.Pair(laptop, sensor);
        using var agent = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["Edge__Firmware__TrustedKeys__tech-1"] = Convert.ToBase64String(Ed25519Signatures.PublicKeyOf(_key)),
            ["Edge__Sensor__StateDirectory"] = Path.Combine(_work.FullName, "state"),
        }, "firmware", "agent", "--port", sensor, "--root", Root);

        var (code, output) = Flash(laptop, Bundle("2.0.0", _key, "tech-1"));

        Assert.True(code == 0, $"{output}\nagent:\n{agent.Output}");
        var result = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement;
        Assert.Equal("result", result.GetProperty("event").GetString());
        Assert.True(result.GetProperty("installed").GetBoolean());
        Assert.Contains("progress", output, StringComparison.Ordinal);
        Assert.Equal("2.0.0", File.ReadAllText(Path.Combine(Root, "current", "version")));

        var (refusedCode, refusedOutput) = Flash(laptop, Bundle("3.0.0", Ed25519Signatures.NewPrivateKey(), "stranger"));

        Assert.Equal(1, refusedCode);
        Assert.Contains("unknown-key", refusedOutput, StringComparison.Ordinal);
        Assert.Equal("2.0.0", File.ReadAllText(Path.Combine(Root, "current", "version")));
    }

    /// <summary>A sensor fresh from the factory (no configuration, no trusted key) gets its identity
    /// and a bundle over the cable in one <c>edgectl flash</c>, then reaches the province's broker with
    /// the client certificate <c>edgectl provision</c> issued (mutual TLS, the certificate's CN as its
    /// account name), and nothing secret shows in any output.</summary>
    [Fact]
    public async Task A_new_sensor_provisioned_over_the_cable_reaches_the_broker_with_its_issued_certificate()
    {
        Assert.True(Socat.Available, "socat is not installed: run tools/dev/deps.sh");
        using var pki = new TestCertificates();
        await using var broker = await MosquittoProcess.StartAsync(pki.ListenerConfig(requireClientCertificate: true) + "\nuse_identity_as_username true");
        var keys = Path.Combine(_work.FullName, "keys");
        Directory.CreateDirectory(keys);
        var technicianKey = Path.Combine(keys, "tech-1.key");
        File.WriteAllText(technicianKey, Ed25519KeyText.FormatPrivateKeyPem(_key));
        File.WriteAllText(Path.Combine(keys, "tech-1.pub"), Ed25519KeyText.FormatPublicKeyPem(Ed25519Signatures.PublicKeyOf(_key)));
        var incidentKey = Ed25519Signatures.NewPrivateKey();
        File.WriteAllText(Path.Combine(keys, "ir-1.pub"), Ed25519KeyText.FormatPublicKeyPem(Ed25519Signatures.PublicKeyOf(incidentKey)));
        var set = Path.Combine(_work.FullName, "gw-1.provision");
        var (created, createOutput) = Edgectl("provision", "create", "--agency", "town-a", "--sensor", "gw-1",
            "--broker", $"mqtts://127.0.0.1:{broker.Port}", "--ca-cert", pki.CaFile, "--ca-key", pki.CaKeyFile,
            "--bundle-key", $"tech-1={Path.Combine(keys, "tech-1.pub")}", "--command-key", $"ir-1={Path.Combine(keys, "ir-1.pub")}",
            "--set", "Uplink:ReconnectMaxSeconds=2", "--key", technicianKey, "--key-id", "tech-1", "--out", set);
        Assert.True(created == 0, createOutput);

        var laptop = Path.Combine(_work.FullName, "ttyACM0");
        var sensor = Path.Combine(_work.FullName, "ttyGS0");
        var configuration = Path.Combine(_work.FullName, "etc-edge", "appsettings.json");
        var state = Path.Combine(_work.FullName, "state");
        using var cable = Socat.Pair(laptop, sensor);
        using var agent = ServiceProcess.Start(new Dictionary<string, string> { ["Edge__Sensor__StateDirectory"] = state },
            "firmware", "agent", "--port", sensor, "--root", Root, "--config", configuration);

        var (code, output) = Edgectl("flash", "--port", laptop, "--provision", set, Bundle("2.0.0", _key, "tech-1"), "--json");

        Assert.True(code == 0, $"{output}\nagent:\n{agent.Output}");
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("event").GetString() == "result").ToArray();
        Assert.Equal(["provisioning", "bundle"], results.Select(r => r.GetProperty("kind").GetString()));
        Assert.All(results, r => Assert.True(r.GetProperty("installed").GetBoolean()));
        Assert.Equal("2.0.0", File.ReadAllText(Path.Combine(Root, "current", "version")));

        using var run = ServiceProcess.Start(new Dictionary<string, string> { ["Edge__Sensor__StateDirectory"] = state },
            "run", "--config", configuration, "--speed", "50", "--exit-at-end");
        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(60)) == 0, $"run:\n{run.Output}\nbroker:\n{broker.Log}");
        Assert.Contains("u'town-a.gw-1'", broker.Log, StringComparison.Ordinal);
        Assert.Contains("'edge/v1/town-a/gw-1/alert/", broker.Log, StringComparison.Ordinal);

        var (_, inspected) = Edgectl("provision", "inspect", set);
        var secretKey = File.ReadAllText(Directory.GetFiles(Path.GetDirectoryName(configuration)!, "client.key", SearchOption.AllDirectories).Single());
        var secretLines = secretKey.Split('\n').Where(l => l.Length > 20 && !l.StartsWith("-----", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(secretLines);
        foreach (var text in new[] { createOutput, output, inspected, agent.Output, run.Output })
        {
            Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
            Assert.All(secretLines, line => Assert.DoesNotContain(line, text, StringComparison.Ordinal));
        }
    }

    /// <summary>The service owns the LEDs and the agent is its own process: while a bundle arrives the
    /// running sensor blinks amber fast, and when the sensor refuses it, amber double blink.</summary>
    [Fact]
    public async Task The_running_sensor_shows_the_flash_on_its_leds()
    {
        Assert.True(Socat.Available, "socat is not installed: run tools/dev/deps.sh");
        var laptop = Path.Combine(_work.FullName, "ttyACM0");
        var sensor = Path.Combine(_work.FullName, "ttyGS0");
        var environment = new Dictionary<string, string>
        {
            ["Edge__Firmware__TrustedKeys__tech-1"] = Convert.ToBase64String(Ed25519Signatures.PublicKeyOf(_key)),
            ["Edge__Sensor__StateDirectory"] = Path.Combine(_work.FullName, "state"),
            ["Edge__Hardware__Gpio"] = "Simulated",
            ["Edge__Hardware__TerminalLeds"] = "On",
            ["Edge__StatusPage__Port"] = MosquittoProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        using var service = ServiceProcess.Start(environment, "run", "--speed", "1");
        using var cable = Socat.Pair(laptop, sensor);
        using var agent = ServiceProcess.Start(environment, "firmware", "agent", "--port", sensor, "--root", Root);

        var (code, output) = Flash(laptop, Bundle("3.0.0", Ed25519Signatures.NewPrivateKey(), "stranger", size: 6 << 20));

        Assert.Equal(1, code);
        Assert.Contains("unknown-key", output, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => service.Output.Contains("LEDs  amber double blink  flashing", StringComparison.Ordinal),
            TimeSpan.FromSeconds(5), $"the refusal on the LEDs\n{service.Output}");
        service.Terminate();
        service.WaitForExit(TimeSpan.FromSeconds(30));
        var leds = service.Output;
        var receiving = leds.IndexOf("LEDs  amber fast blink  flashing", StringComparison.Ordinal);
        Assert.True(receiving >= 0 && receiving < leds.IndexOf("LEDs  amber double blink  flashing", StringComparison.Ordinal), leds);
    }

    private static (int Code, string Output) Flash(string port, string bundle) => Edgectl("flash", "--port", port, bundle, "--json");

    private static (int Code, string Output) Edgectl(params string[] args) =>
        ToolRun.Run("dotnet", AppContext.BaseDirectory, TimeSpan.FromMinutes(2),
            ["exec", Path.Combine(AppContext.BaseDirectory, "edgectl.dll"), .. args]);

    private string Bundle(string version, byte[] key, string keyId, int size = 1 << 20)
    {
        var binary = new byte[size];
        new Random(7).NextBytes(binary);
        return TestBundles.Write(Path.Combine(_work.FullName, $"edge-{version}-{keyId}.bundle"), version, key, keyId, binary);
    }
}
