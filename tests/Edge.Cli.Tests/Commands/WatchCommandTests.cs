namespace Edge.Cli.Tests.Commands;

public sealed class WatchCommandTests
{
    [Theory]
    [InlineData("watch", "Option '--broker' is required")]
    [InlineData("watch --broker mqtt://127.0.0.1:1 --min-severity huge", "Argument 'huge' not recognized")]
    [InlineData("watch --broker mqtt://127.0.0.1:1 --agency Town_A", "--agency 'Town_A' must be 1 to 64 of a-z, 0-9 and '-'")]
    [InlineData("watch --broker mqtt://127.0.0.1:1 --sensor gw/1", "--sensor 'gw/1' must be")]
    [InlineData("watch --broker mqtt://127.0.0.1:1 --category cnc --category C&C", "--category 'C&C' is not a category name")]
    public void Bad_arguments_exit_2_with_the_reason(string line, string message)
    {
        Assert.Equal(2, CliRun.Run(out var output, line.Split(' ')));
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broker_that_is_not_there_exits_1()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        Assert.Equal(1, CliRun.Run(out var output, "watch", "--broker", $"mqtt://127.0.0.1:{port}", "--json"));
        Assert.Contains($"edgectl watch: mqtt://127.0.0.1:{port}: connection refused", output, StringComparison.Ordinal);
    }
}
