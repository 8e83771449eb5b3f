using Edge.Uplink.Commands.Signing;

namespace Edge.Cli.Tests.Commands;

public sealed class KeysCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgectl-keys-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Keys_create_writes_a_private_pem_only_its_owner_can_read_and_the_matching_public_key()
    {
        Assert.Equal(0, CliRun.Run(out _, "keys", "create", "--out", _dir, "--id", "release-2026"));
        var privateText = File.ReadAllText(Path.Combine(_dir, "release-2026.key"));
        var publicText = File.ReadAllText(Path.Combine(_dir, "release-2026.pub"));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", privateText, StringComparison.Ordinal);
        Assert.True(Ed25519KeyText.TryParsePrivateKey(privateText, out var privateKey));
        Assert.True(Ed25519KeyText.TryParsePublicKey(publicText, out var publicKey));
        Assert.Equal(Ed25519Signatures.PublicKeyOf(privateKey), publicKey);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_dir, "release-2026.key")));
    }

    [Fact]
    public void Keys_create_never_overwrites_a_key()
    {
        Assert.Equal(0, CliRun.Run(out _, "keys", "create", "--out", _dir, "--id", "k"));
        var before = File.ReadAllText(Path.Combine(_dir, "k.key"));
        Assert.Equal(1, CliRun.Run(out _, "keys", "create", "--out", _dir, "--id", "k"));
        Assert.Equal(before, File.ReadAllText(Path.Combine(_dir, "k.key")));
    }

    [Theory]
    [InlineData("keys", "create")]
    [InlineData("keys", "create", "--out", "x", "--id", "bad id")]
    [InlineData("keys", "create", "--out", "x", "--id", "../escape")]
    public void Bad_arguments_exit_2(params string[] args) => Assert.Equal(2, CliRun.Run(out _, args));
}
