using Edge.Cli.Tests.Commands;

namespace Edge.Cli.Tests.Broker;

/// <summary>The broker options as every incident-team command takes them (checked through <c>fleet</c>,
/// which does not need a broker): bad combinations exit 2 before anything connects.</summary>
public sealed class BrokerArgumentsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("edge-broker-args-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string File(string name)
    {
        var path = Path.Combine(_folder.FullName, name);
        System.IO.File.WriteAllText(path, "x\n");
        return path;
    }

    [Theory]
    [InlineData("fleet --broker http://broker:1883", "the scheme must be mqtt or mqtts")]
    [InlineData("fleet --broker mqtt://broker:1883/path", "must be mqtt://host:port or mqtts://host:port")]
    [InlineData("fleet --broker mqtt://127.0.0.1:1 --prefix edge/+/v1", "--prefix must be a plain topic")]
    [InlineData("fleet --broker mqtt://127.0.0.1:1 --prefix /edge", "--prefix must be a plain topic")]
    [InlineData("fleet --username team", "need --broker")]
    public void A_bad_value_is_a_usage_error(string line, string message)
    {
        Assert.Equal(2, CliRun.Run(out var output, line.Split(' ')));
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Password_without_user_tls_files_on_plain_mqtt_and_a_certificate_without_its_key_are_usage_errors()
    {
        var pem = File("x.pem");

        Assert.Equal(2, CliRun.Run(out var password, "fleet", "--broker", "mqtt://127.0.0.1:1", "--password-file", File("pw")));
        Assert.Equal(2, CliRun.Run(out var ca, "fleet", "--broker", "mqtt://127.0.0.1:1", "--ca", pem));
        Assert.Equal(2, CliRun.Run(out var pair, "fleet", "--broker", "mqtts://127.0.0.1:1", "--client-cert", pem));
        Assert.Equal(2, CliRun.Run(out var missing, "fleet", "--broker", "mqtts://127.0.0.1:1", "--ca", Path.Combine(_folder.FullName, "none.pem")));

        Assert.Contains("--password-file needs --username", password, StringComparison.Ordinal);
        Assert.Contains("--ca and --client-cert need an mqtts:// broker", ca, StringComparison.Ordinal);
        Assert.Contains("--client-cert and --client-key go together", pair, StringComparison.Ordinal);
        Assert.Contains("does not exist", missing, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broker_that_refuses_the_connection_is_exit_1_with_the_reason()
    {
        Assert.Equal(1, CliRun.Run(out var output, "fleet", "--broker", $"mqtt://127.0.0.1:{FreePort()}", "--listen", "1s"));
        Assert.Contains("connection refused (nothing listens on the broker port)", output, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
