using Edge.Service.Systemd;
using Edge.Uplink.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using static Edge.Service.Tests.Systemd.SystemdNotifierTests;

namespace Edge.Service.Tests.Systemd;

public sealed class EdgeLoggingTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly DatagramListener _journal;
    private readonly string _socket;

    public EdgeLoggingTests()
    {
        _socket = _folder.File("journal.socket");
        _journal = new DatagramListener(_socket);
    }

    public void Dispose()
    {
        _journal.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("8:12345", null, true)]
    [InlineData(null, "0123abcd", true)]
    [InlineData(null, null, false)]
    [InlineData("", "", false)]
    public void The_journal_is_used_under_systemd_when_its_socket_is_there(string? journalStream, string? invocationId, bool expected)
    {
        var environment = Environment(("JOURNAL_STREAM", journalStream), ("INVOCATION_ID", invocationId));

        Assert.Equal(expected, EdgeLogging.UsesJournal(environment, _socket));
        Assert.False(EdgeLogging.UsesJournal(environment, _folder.File("no-socket")));
    }

    [Fact]
    public void Under_systemd_entries_go_to_the_journal_only()
    {
        using var services = Logging(Environment(("INVOCATION_ID", "0123abcd")));

        var provider = Assert.Single(services.GetServices<ILoggerProvider>());
        Assert.IsType<JournaldLoggerProvider>(provider);
        var logger = services.GetRequiredService<ILogger<EdgeLoggingTests>>();
        TestLog.Hello(logger, "journal");
        var fields = JournalDatagram.Fields(_journal.Receive());
        Assert.Equal("hello journal", fields["MESSAGE"]);
        Assert.Equal(typeof(EdgeLoggingTests).FullName, fields["EDGE_CATEGORY"]);
    }

    [Fact]
    public void Elsewhere_entries_go_to_the_console_one_line_each_in_UTC()
    {
        using var services = Logging(Environment());

        Assert.IsType<ConsoleLoggerProvider>(Assert.Single(services.GetServices<ILoggerProvider>()));
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue;
        Assert.True(options.SingleLine);
        Assert.True(options.UseUtcTimestamp);
        Assert.True(_journal.IsEmpty);
    }

    private ServiceProvider Logging(Func<string, string?> environment) =>
        new ServiceCollection().AddLogging(builder => EdgeLogging.Configure(builder, environment, _socket)).BuildServiceProvider();
}
