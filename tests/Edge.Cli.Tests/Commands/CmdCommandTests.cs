using Edge.Uplink.Commands.Signing;

namespace Edge.Cli.Tests.Commands;

public sealed class CmdCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("edge-cmd-cmd-");

    public CmdCommandTests()
    {
        KeyFile = Path.Combine(_folder.FullName, "team.key");
        File.WriteAllText(KeyFile, Ed25519KeyText.FormatPrivateKeyPem(Ed25519Signatures.NewPrivateKey()));
    }

    private string KeyFile { get; }

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("cmd town-a led-test", "'town-a' must be AGENCY/SENSOR")]
    [InlineData("cmd town-a/gw-1 LED_TEST", "'LED_TEST' is not a command name")]
    [InlineData("cmd town-a/gw-1 ping extra", "too many arguments: ping")]
    [InlineData("cmd town-a/gw-1 config-set Uplink:Broker", "'value' is missing: config-set KEY VALUE")]
    [InlineData("cmd town-a/gw-1 ack 123", "'123' is not an alert id")]
    [InlineData("cmd town-a/gw-1 future-cmd word", "give them as --arg k=v")]
    [InlineData("cmd town-a/gw-1 ping --arg x", "--arg 'x' is not k=v or k:=JSON")]
    [InlineData("cmd town-a/gw-1 ping --timeout 0s", "--timeout must be at least 1s")]
    [InlineData("cmd town-a/gw-1 ping --out x.pcap", "--out is for evidence-get")]
    [InlineData("cmd town-a/gw-1 evidence-get 01JX0000000000000000000ACK 10 --out x.pcap", "evidence-get ALERT-ID --out FILE takes only the alert id")]
    [InlineData("cmd town-a/gw-1 intel-update /nonexistent/list.txt", "/nonexistent/list.txt")]
    [InlineData("cmd town-a/gw-1 intel-update a b c", "too many arguments: intel-update FILE [CATEGORY]")]
    [InlineData("cmd town-a/gw-1 intel-update list.txt --arg sha256=00", "intel-update FILE takes only --arg list=NAME")]
    public void Bad_arguments_exit_2_before_anything_is_sent(string line, string message)
    {
        string[] args = [.. line.Split(' '), "--key", KeyFile, "--key-id", "team-1", "--broker", "mqtt://127.0.0.1:1"];

        Assert.Equal(2, CliRun.Run(out var output, args));
        Assert.Contains(message, output, StringComparison.Ordinal);
    }
}
