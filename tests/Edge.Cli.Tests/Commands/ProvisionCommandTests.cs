using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Edge.Firmware.Provisioning;
using Edge.Uplink.Commands.Signing;

namespace Edge.Cli.Tests.Commands;

public sealed class ProvisionCommandTests : IDisposable
{
    private const string Password = "s3cret-broker-password-9d1e";
    private readonly string _dir = Directory.CreateTempSubdirectory("edgectl-provision-").FullName;
    private readonly string _set;

    public ProvisionCommandTests()
    {
        Assert.Equal(0, CliRun.Run(out _, "keys", "create", "--out", _dir, "--id", "tech-1"));
        Assert.Equal(0, CliRun.Run(out _, "keys", "create", "--out", _dir, "--id", "ir-1"));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Province CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        File.WriteAllText(Path("ca.pem"), authority.ExportCertificatePem());
        File.WriteAllText(Path("ca.key"), key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path("password"), Password + "\n");
        _set = Path("gw-1.provision");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_dir, name);

    private string[] CreateArgs() =>
    [
        "provision", "create", "--agency", "town-a", "--sensor", "gw-1", "--broker", "mqtts://broker.example:8883",
        "--ca-cert", Path("ca.pem"), "--ca-key", Path("ca.key"), "--bundle-key", $"tech-1={Path("tech-1.pub")}",
        "--command-key", $"ir-1={Path("ir-1.pub")}", "--set", "Capture:Interface=eth0", "--username", "town-a.gw-1",
        "--password-file", Path("password"), "--key", Path("tech-1.key"), "--key-id", "tech-1", "--out", _set,
    ];

    private static string[] Without(string[] args, string option)
    {
        var at = Array.IndexOf(args, option);
        return [.. args[..at], .. args[(at + 2)..]];
    }

    /// <summary>The password and every base64 line of the client key the set holds.</summary>
    private string[] Secrets()
    {
        Assert.True(ProvisioningReader.TryParse(File.ReadAllBytes(_set), out var set, out _, out var refusal), refusal?.ToString());
        Assert.Equal(Password, set.Password);
        return [Password, .. set.ClientKey!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("-----", StringComparison.Ordinal))];
    }

    [Fact]
    public void Create_writes_a_signed_set_only_its_owner_can_read()
    {
        Assert.Equal(0, CliRun.Run(out var output, CreateArgs()));

        Assert.Contains("sensor town-a/gw-1", output, StringComparison.Ordinal);
        Assert.Contains("CN=town-a.gw-1", output, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_set));
        Assert.False(File.Exists(_set + ".partial"));
        Assert.True(ProvisioningReader.TryRead(File.ReadAllBytes(_set), new TrustedKeys(), DateTimeOffset.UtcNow, out var set, out var keyId, out var refusal), refusal?.ToString());
        Assert.Equal(("town-a", "gw-1", "tech-1"), (set.Agency, set.Sensor, keyId));
        Assert.Equal("eth0", set.Settings["Capture:Interface"]);
        Assert.Equal(File.ReadAllText(Path("ca.pem")), set.BrokerCa);
        Assert.All(Secrets(), secret => Assert.DoesNotContain(secret, output, StringComparison.Ordinal));
    }

    [Fact]
    public void Create_without_a_bundle_key_exits_2()
    {
        Assert.Equal(2, CliRun.Run(out var output, Without(CreateArgs(), "--bundle-key")));
        Assert.Contains("--bundle-key", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_set));
    }

    [Theory]
    [InlineData("--ca-key")]
    [InlineData("--ca-cert")]
    public void Create_with_only_one_of_ca_cert_and_ca_key_exits_2(string left)
    {
        Assert.Equal(2, CliRun.Run(out var output, Without(CreateArgs(), left)));
        Assert.Contains("--ca-cert and --ca-key go together", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_set));
    }

    [Theory]
    [InlineData("Uplink:Password=x")]
    [InlineData("Firmware:TrustedKeys:x=AAAA")]
    [InlineData("nocolon=x")]
    public void Create_refuses_a_setting_the_set_may_not_carry(string setting)
    {
        var args = CreateArgs();
        args[Array.IndexOf(args, "Capture:Interface=eth0")] = setting;
        Assert.Equal(2, CliRun.Run(out var output, args));
        Assert.Contains("settings.", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        Assert.False(File.Exists(_set));
    }

    [Fact]
    public void Inspect_shows_who_where_and_whose_keys_but_no_secret()
    {
        Assert.Equal(0, CliRun.Run(out _, CreateArgs()));

        Assert.Equal(0, CliRun.Run(out var output, "provision", "inspect", _set));

        Assert.Contains("town-a/gw-1", output, StringComparison.Ordinal);
        Assert.Contains("mqtts://broker.example:8883", output, StringComparison.Ordinal);
        Assert.Contains("CN=town-a.gw-1", output, StringComparison.Ordinal);
        Assert.Contains("CN=Province CA", output, StringComparison.Ordinal);
        Assert.Contains("tech-1", output, StringComparison.Ordinal);
        Assert.Contains("ir-1", output, StringComparison.Ordinal);
        Assert.Contains("Capture:Interface = eth0", output, StringComparison.Ordinal);
        Assert.Contains("verifies", output, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", output, StringComparison.Ordinal);
        Assert.All(Secrets(), secret => Assert.DoesNotContain(secret, output, StringComparison.Ordinal));
    }

    [Fact]
    public void Inspect_of_a_file_that_is_not_a_set_exits_1()
    {
        File.WriteAllText(_set, "{\"schema\":\"something else\"}");
        Assert.Equal(1, CliRun.Run(out var output, "provision", "inspect", _set));
        Assert.Contains("malformed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Flash_with_neither_a_bundle_nor_a_set_exits_2()
    {
        Assert.Equal(2, CliRun.Run(out var output, "flash", "--port", Path("no-such-tty")));
        Assert.Contains("give a BUNDLE, a --provision set, or both", output, StringComparison.Ordinal);
    }
}
