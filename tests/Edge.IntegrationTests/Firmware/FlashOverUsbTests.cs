using System.Text.Json;
using Edge.Flashing.Tests.Pty;
using Edge.IntegrationTests.Service;
using Edge.IntegrationTests.TestSupport;
using Edge.Uplink.Commands.Signing;

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

    private static (int Code, string Output) Flash(string port, string bundle) =>
        ToolRun.Run("dotnet", AppContext.BaseDirectory, TimeSpan.FromMinutes(2),
            "exec", Path.Combine(AppContext.BaseDirectory, "edgectl.dll"), "flash", "--port", port, bundle, "--json");

    private string Bundle(string version, byte[] key, string keyId)
    {
        var binary = new byte[1 << 20];
        new Random(7).NextBytes(binary);
        return TestBundles.Write(Path.Combine(_work.FullName, $"edge-{version}-{keyId}.bundle"), version, key, keyId, binary);
    }
}
