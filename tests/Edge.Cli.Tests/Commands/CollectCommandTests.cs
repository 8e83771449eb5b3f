namespace Edge.Cli.Tests.Commands;

public sealed class CollectCommandTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("edge-collect-cli-");

    public void Dispose() => _work.Delete(recursive: true);

    private string File(string name)
    {
        var path = Path.Combine(_work.FullName, name);
        System.IO.File.WriteAllText(path, "x\n");
        return path;
    }

    public static TheoryData<string[], string> BadArguments() => new()
    {
        { [], "--broker" },
        { ["--broker", "http://h:1883"], "the scheme must be mqtt or mqtts" },
        { ["--broker", "mqtt://"], "must be mqtt://host:port" },
        { ["--broker", "mqtt://h", "--batch", "0"], "--batch must be 1 to 10000" },
        { ["--broker", "mqtt://h", "--batch", "many"], "many" },
        { ["--broker", "mqtt://h", "--flush-ms", "0"], "--flush-ms must be 1 to 60000" },
        { ["--broker", "mqtt://h", "--retention-days", "0"], "--retention-days must be 1 to 36500" },
        { ["--broker", "mqtt://h", "--group", "a/b"], "--group 'a/b' must be" },
        { ["--broker", "mqtt://h", "--group", "#"], "--group '#' must be" },
        { ["--broker", "mqtt://h", "--client-id", "has space"], "--client-id 'has space' must be" },
        { ["--broker", "mqtt://h", "--prefix", "edge/+"], "--prefix 'edge/+'" },
        { ["--broker", "mqtt://h", "--prefix", "/edge"], "--prefix '/edge'" },
        { ["--broker", "mqtt://h", "--ca-file", "/no/such/ca.pem"], "/no/such/ca.pem" },
        { ["--broker", "mqtt://h", "--store", "Host=h;Port=notaport"], "--store: the PostgreSQL connection string does not parse" },
        { ["--broker", "mqtt://h", "--store", "postgresql://u@h:99999/db"], "--store: the PostgreSQL connection string does not parse" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Bad_arguments_exit_2_with_a_message(string[] args, string message)
    {
        var code = CliRun.Run(out var output, ["collect", .. args]);

        Assert.Equal(2, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Tls_files_need_an_mqtts_broker_and_go_together()
    {
        Assert.Equal(2, CliRun.Run(out var plain, "collect", "--broker", "mqtt://h", "--ca-file", File("ca.pem")));
        Assert.Contains("--ca-file and --client-cert need an mqtts:// broker", plain, StringComparison.Ordinal);
        Assert.Equal(2, CliRun.Run(out var half, "collect", "--broker", "mqtts://h", "--client-cert", File("c.pem")));
        Assert.Contains("--client-cert and --client-key go together", half, StringComparison.Ordinal);
        Assert.Equal(2, CliRun.Run(out var password, "collect", "--broker", "mqtt://h", "--password-file", File("p")));
        Assert.Contains("--password-file needs --username", password, StringComparison.Ordinal);
    }
}
