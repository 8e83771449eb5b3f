using System.Text.Json;

namespace Edge.Cli.Tests.Commands;

public sealed class BundleCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgectl-bundle-").FullName;
    private readonly string _from;
    private readonly string _bundle;

    public BundleCommandTests()
    {
        _from = Directory.CreateDirectory(Path.Combine(_dir, "payload")).FullName;
        Directory.CreateDirectory(Path.Combine(_from, "bin"));
        File.WriteAllBytes(Path.Combine(_from, "bin", "edge-service"), [.. Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7))]);
        File.WriteAllText(Path.Combine(_from, "appsettings.json"), "{\"Edge\":{}}");
        File.WriteAllText(Path.Combine(_from, "edge-service.service"), "[Unit]\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Path.Combine(_from, "bin", "edge-service"), (UnixFileMode)0x1ED);
        Assert.Equal(0, CliRun.Run(out _, "keys", "create", "--out", _dir, "--id", "rel"));
        Assert.Equal(0, CliRun.Run(out _, "keys", "create", "--out", _dir, "--id", "other"));
        _bundle = Path.Combine(_dir, "edge-1.2.0.bundle");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Create_then_verify_succeeds_and_extract_reproduces_the_folder()
    {
        Assert.Equal(0, Create());
        Assert.Equal(0, CliRun.Run(out var output, "bundle", "verify", _bundle, "--trust", $"rel={Key("rel.pub")}",
            "--board", "raspberry-pi-5", "--current-version", "1.1.0", "--extract", Path.Combine(_dir, "slot")));
        Assert.StartsWith("ok:", output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_from, "bin", "edge-service")), File.ReadAllBytes(Path.Combine(_dir, "slot", "bin", "edge-service")));
        if (!OperatingSystem.IsWindows())
            Assert.Equal((UnixFileMode)0x1ED, File.GetUnixFileMode(Path.Combine(_dir, "slot", "bin", "edge-service")));
        Assert.False(File.Exists(_bundle + ".partial"));
    }

    [Theory]
    [InlineData("--board", "compute-module-4", "wrong-board")]
    [InlineData("--current-version", "1.3.0", "downgrade")]
    [InlineData("--current-version", "0.9.0", "below-min-version")]
    public void Verify_exits_1_and_names_the_reason(string option, string value, string reason)
    {
        Assert.Equal(0, Create());
        Assert.Equal(1, CliRun.Run(out var output, "bundle", "verify", _bundle, "--trust", $"rel={Key("rel.pub")}", option, value));
        Assert.StartsWith($"refused: {reason}:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_with_the_wrong_key_is_refused()
    {
        Assert.Equal(0, Create());
        Assert.Equal(1, CliRun.Run(out var unknown, "bundle", "verify", _bundle, "--trust", $"other={Key("other.pub")}"));
        Assert.Contains("unknown-key", unknown, StringComparison.Ordinal);
        Assert.Equal(1, CliRun.Run(out var bad, "bundle", "verify", _bundle, "--trust", $"rel={Key("other.pub")}"));
        Assert.Contains("bad-signature", bad, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_refuses_a_tampered_file()
    {
        Assert.Equal(0, Create());
        var bytes = File.ReadAllBytes(_bundle);
        bytes[^5] ^= 1;
        File.WriteAllBytes(_bundle, bytes);
        Assert.Equal(1, CliRun.Run(out var output, "bundle", "verify", _bundle, "--trust", $"rel={Key("rel.pub")}"));
        Assert.Contains("hash-mismatch", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_shows_manifest_sizes_and_hashes_but_no_key_material()
    {
        Assert.Equal(0, Create());
        Assert.Equal(0, CliRun.Run(out var text, "bundle", "inspect", _bundle));
        Assert.Contains("bin/edge-service", text, StringComparison.Ordinal);
        Assert.Contains("1.2.0", text, StringComparison.Ordinal);
        Assert.Contains("NOT checked", text, StringComparison.Ordinal);

        Assert.Equal(0, CliRun.Run(out var json, "bundle", "inspect", _bundle, "--json"));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(new FileInfo(_bundle).Length, root.GetProperty("totalBytes").GetInt64());
        Assert.Equal(3, root.GetProperty("manifest").GetProperty("files").GetArrayLength());
        Assert.Equal(64, root.GetProperty("manifest").GetProperty("files")[0].GetProperty("sha256").GetString()!.Length);

        var signature = File.ReadAllBytes(_bundle).AsSpan(20 + root.GetProperty("manifestBytes").GetInt32(), 64).ToArray();
        var privatePem = File.ReadAllText(Path.Combine(_dir, "rel.key"));
        var privateBase64 = privatePem.Split('\n')[1];
        foreach (var output in new[] { text, json })
        {
            Assert.DoesNotContain(Convert.ToBase64String(signature), output, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexString(signature), output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(privateBase64, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Inspect_of_a_file_that_is_not_a_bundle_exits_1()
    {
        File.WriteAllText(_bundle, "not a bundle at all");
        Assert.Equal(1, CliRun.Run(out var output, "bundle", "inspect", _bundle));
        Assert.Contains("bad-magic", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_refuses_a_folder_with_a_link()
    {
        if (OperatingSystem.IsWindows())
            return;
        File.CreateSymbolicLink(Path.Combine(_from, "shadow"), "/etc/shadow");
        Assert.Equal(2, Create());
        Assert.False(File.Exists(_bundle));
    }

    [Theory]
    [InlineData("--version", "1.2")]
    [InlineData("--min-version", "one")]
    [InlineData("--board", "Raspberry Pi")]
    [InlineData("--key-id", "has space")]
    public void Create_with_a_bad_argument_exits_2(string option, string value)
    {
        var args = CreateArgs().ToList();
        var at = args.IndexOf(option);
        if (at < 0)
            args.AddRange([option, value]);
        else
            args[at + 1] = value;
        Assert.Equal(2, CliRun.Run(out var output, [.. args]));
        Assert.False(File.Exists(_bundle));
        Assert.NotEmpty(output);
    }

    [Theory]
    [InlineData("bundle", "verify")]
    [InlineData("bundle", "verify", "/no/such.bundle", "--trust", "a=b")]
    [InlineData("bundle", "inspect")]
    [InlineData("bundle", "create", "--from", "/no/such/folder")]
    public void Usage_errors_exit_2(params string[] args) => Assert.Equal(2, CliRun.Run(out _, args));

    [Fact]
    public void Verify_with_a_bad_trust_argument_exits_2()
    {
        Assert.Equal(0, Create());
        Assert.Equal(2, CliRun.Run(out var output, "bundle", "verify", _bundle, "--trust", "rel"));
        Assert.Contains("ID=PUBFILE", output, StringComparison.Ordinal);
        Assert.Equal(2, CliRun.Run(out _, "bundle", "verify", _bundle, "--trust", $"rel={Key("rel.key")}"));
        Assert.Equal(2, CliRun.Run(out _, "bundle", "verify", _bundle, "--trust", $"rel={Key("rel.pub")}", "--current-version", "x"));
    }

    private int Create() => CliRun.Run(out _, CreateArgs());

    private string[] CreateArgs() =>
        ["bundle", "create", "--from", _from, "--version", "1.2.0", "--board", "raspberry-pi-4", "raspberry-pi-5",
         "--key", Key("rel.key"), "--key-id", "rel", "--min-version", "1.0.0", "--out", _bundle];

    private string Key(string name) => Path.Combine(_dir, name);
}
