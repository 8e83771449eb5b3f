using Edge.Cli.SensorCommands;
using Edge.Uplink.Commands.Signing;

namespace Edge.Cli.Tests.SensorCommands;

public sealed class SigningKeyFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("edge-keyfile-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_pem_private_key_as_keys_create_writes_it_gives_the_signer_with_its_public_key()
    {
        var key = Ed25519Signatures.NewPrivateKey();

        var signer = SigningKeyFile.Read(Write("team.key", Ed25519KeyText.FormatPrivateKeyPem(key)), "team-1", out var error);

        Assert.NotNull(signer);
        Assert.Equal(Ed25519Signatures.PublicKeyOf(key), signer.PublicKey);
        Assert.Equal("team-1", signer.KeyId);
        Assert.Empty(error);
    }

    [Fact]
    public void A_public_key_a_bad_key_id_or_a_missing_file_say_what_is_wrong()
    {
        var publicPem = Ed25519KeyText.FormatPublicKeyPem(Ed25519Signatures.PublicKeyOf(Ed25519Signatures.NewPrivateKey()));

        Assert.Null(SigningKeyFile.Read(Write("team.pub", publicPem), "team-1", out var notPrivate));
        Assert.Null(SigningKeyFile.Read(Write("k", "x"), "bad id!", out var badId));
        Assert.Null(SigningKeyFile.Read(Path.Combine(_folder.FullName, "missing.key"), "team-1", out var missing));

        Assert.Contains("is not an Ed25519 private key", notPrivate, StringComparison.Ordinal);
        Assert.StartsWith("--key-id 'bad id!' must be", badId, StringComparison.Ordinal);
        Assert.StartsWith("--key ", missing, StringComparison.Ordinal);
    }
}
