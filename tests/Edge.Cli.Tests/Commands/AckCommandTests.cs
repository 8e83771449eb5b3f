using Edge.Uplink.Commands.Signing;

namespace Edge.Cli.Tests.Commands;

public sealed class AckCommandTests : IDisposable
{
    private const string AlertId = "01JX0000000000000000000ACK";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("edge-ack-cmd-");

    public AckCommandTests()
    {
        KeyFile = Path.Combine(_folder.FullName, "team.key");
        File.WriteAllText(KeyFile, Ed25519KeyText.FormatPrivateKeyPem(Ed25519Signatures.NewPrivateKey()));
    }

    private string KeyFile { get; }

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("ack {1} --key {0} --key-id team-1 --broker mqtt://127.0.0.1:1", "give the alert's sensor with --sensor AGENCY/SENSOR or --store")]
    [InlineData("ack {1} --sensor a/b --store x.db --key {0} --key-id team-1 --broker mqtt://127.0.0.1:1", "(one of them)")]
    [InlineData("ack not-an-id --sensor a/b --key {0} --key-id team-1 --broker mqtt://127.0.0.1:1", "'not-an-id' is not an alert id")]
    [InlineData("ack {1} --sensor town-a --key {0} --key-id team-1 --broker mqtt://127.0.0.1:1", "--sensor 'town-a' must be AGENCY/SENSOR")]
    [InlineData("ack {1} --sensor a/b --key {0} --broker mqtt://127.0.0.1:1", "Option '--key-id' is required")]
    [InlineData("ack {1} --sensor a/b --key {0} --key-id team-1", "Option '--broker' is required")]
    [InlineData("ack {1} --sensor a/b --key {0}.missing --key-id team-1 --broker mqtt://127.0.0.1:1", "File does not exist")]
    [InlineData("ack {1} --sensor a/b --key {0} --key-id team-1 --broker mqtt://127.0.0.1:1 --timeout never", "--timeout 'never' is not a duration")]
    [InlineData("ack {1} --sensor a/b --key {0} --key-id bad! --broker mqtt://127.0.0.1:1", "--key-id 'bad!' must be")]
    [InlineData("ack {1} --store {0}.db --key {0} --key-id team-1 --broker mqtt://127.0.0.1:1", "no incident store at")]
    public void Bad_arguments_exit_2_before_anything_is_sent(string line, string message)
    {
        Assert.Equal(2, CliRun.Run(out var output, string.Format(System.Globalization.CultureInfo.InvariantCulture, line, KeyFile, AlertId).Split(' ')));
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_key_given_as_the_signing_key_is_a_usage_error()
    {
        var pub = Path.Combine(_folder.FullName, "team.pub");
        File.WriteAllText(pub, Ed25519KeyText.FormatPublicKeyPem(Ed25519Signatures.PublicKeyOf(Ed25519Signatures.NewPrivateKey())));

        Assert.Equal(2, CliRun.Run(out var output, "ack", AlertId, "--sensor", "a/b", "--key", pub, "--key-id", "team-1", "--broker", "mqtt://127.0.0.1:1"));
        Assert.Contains("is not an Ed25519 private key", output, StringComparison.Ordinal);
    }
}
