using System.Text.RegularExpressions;
using Edge.Service.Systemd;
using Edge.Uplink.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Tests.Systemd;

public sealed partial class JournaldLoggerProviderTests : IDisposable
{
    private const string Category = "Edge.Service.Capture";
    private readonly TempFolder _folder = new();
    private readonly DatagramListener _journal;
    private readonly StringWriter _fallback = new();
    private readonly JournaldLoggerProvider _provider;
    private readonly ILogger _logger;

    public JournaldLoggerProviderTests()
    {
        var socket = _folder.File("journal.socket");
        _journal = new DatagramListener(socket);
        _provider = new JournaldLoggerProvider(socket, _fallback);
        _logger = _provider.CreateLogger(Category);
    }

    public void Dispose()
    {
        _provider.Dispose();
        _journal.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void An_entry_carries_message_priority_identifier_category_and_each_structured_value()
    {
        TestLog.Drops(_logger, "eth1", 1234567L, 0.25);

        var fields = JournalDatagram.Parse(_journal.Receive());

        Assert.Equal(
        [
            ("PRIORITY", "4", false),
            ("SYSLOG_IDENTIFIER", "edge-service", false),
            ("EDGE_CATEGORY", Category, false),
            ("EDGE_EVENT_ID", "3", false),
            ("EDGE_EVENT_NAME", nameof(TestLog.Drops), false),
            ("MESSAGE", "Capture on eth1 dropped 1234567 frames (0.25 of them)", false),
            ("EDGE_INTERFACE", "eth1", false),
            ("EDGE_DROPS", "1234567", false),
            ("EDGE_RATIO", "0.25", false),
        ], fields);
        Assert.Equal(0, _provider.Failures);
    }

    [Theory]
    [InlineData(LogLevel.Trace, "7")]
    [InlineData(LogLevel.Debug, "7")]
    [InlineData(LogLevel.Information, "6")]
    [InlineData(LogLevel.Warning, "4")]
    [InlineData(LogLevel.Error, "3")]
    [InlineData(LogLevel.Critical, "2")]
    public void Log_levels_map_to_syslog_priorities(LogLevel level, string priority)
    {
        _logger.Log(level, "x");

        Assert.Equal(priority, JournalDatagram.Fields(_journal.Receive())["PRIORITY"]);
    }

    [Fact]
    public void An_event_id_is_a_field_when_set()
    {
        TestLog.Started(_logger);
        _logger.LogInformation("no id");

        var withId = JournalDatagram.Fields(_journal.Receive());
        var without = JournalDatagram.Fields(_journal.Receive());
        Assert.Equal("17", withId["EDGE_EVENT_ID"]);
        Assert.Equal(nameof(TestLog.Started), withId["EDGE_EVENT_NAME"]);
        Assert.False(without.ContainsKey("EDGE_EVENT_ID"));
    }

    [Fact]
    public void Values_with_newlines_use_the_binary_safe_form()
    {
        Exception caught;
        try
        {
            throw new InvalidOperationException("the interface went down");
        }
        catch (InvalidOperationException e)
        {
            caught = e;
        }

        TestLog.Failed(_logger, caught, "line one\nline two");

        var fields = JournalDatagram.Parse(_journal.Receive());
        var message = Assert.Single(fields, f => f.Name == "MESSAGE");
        Assert.Equal(("MESSAGE", "Capture failed:\nline one\nline two", true), message);
        Assert.Equal(("EDGE_REASON", "line one\nline two", true), Assert.Single(fields, f => f.Name == "EDGE_REASON"));
        var exception = Assert.Single(fields, f => f.Name == "EXCEPTION");
        Assert.True(exception.Binary);
        Assert.StartsWith("System.InvalidOperationException: the interface went down\n", exception.Value, StringComparison.Ordinal);
        Assert.Contains(nameof(Values_with_newlines_use_the_binary_safe_form), exception.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void State_keys_become_journal_names_with_the_EDGE_prefix()
    {
        var state = new List<KeyValuePair<string, object?>>
        {
            new("flow.id-x", 7),
            new("_PID", 1),
            new("lower_case", "a"),
            new("Ünïcode", "b"),
            new("9lives", "c"),
            new(new string('k', 100), "d"),
            new("Missing", null),
            new("Ports", new[] { 53, 443 }),
            new("{OriginalFormat}", "template"),
        };

        _logger.Log(LogLevel.Information, default, state, null, (_, _) => "values");

        var fields = JournalDatagram.Parse(_journal.Receive());
        var values = fields.Skip(4).ToList();
        Assert.Equal(
        [
            ("EDGE_FLOW_ID_X", "7"),
            ("EDGE__PID", "1"),
            ("EDGE_LOWER_CASE", "a"),
            ("EDGE__N_CODE", "b"),
            ("EDGE_9LIVES", "c"),
            ("EDGE_" + new string('K', 59), "d"),
            ("EDGE_MISSING", "(null)"),
            ("EDGE_PORTS", "53, 443"),
        ], values.Select(f => (f.Name, f.Value)));
        Assert.All(fields, f => Assert.Matches(JournalName(), f.Name));
    }

    [Fact]
    public void An_entry_past_48_KiB_is_cut_with_a_marker_and_still_sent()
    {
        TestLog.Text(_logger, new InvalidOperationException("later"), new string('é', 100_000));

        var datagram = _journal.Receive();
        var fields = JournalDatagram.Parse(datagram);

        Assert.InRange(datagram.Length, 40 * 1024, JournaldLoggerProvider.MaxEntryBytes);
        var message = Assert.Single(fields, f => f.Name == "MESSAGE");
        Assert.EndsWith("éé…[truncated]", message.Value, StringComparison.Ordinal);
        Assert.Equal("3", fields.Single(f => f.Name == "PRIORITY").Value);
        Assert.DoesNotContain(fields, f => f.Name is "EXCEPTION" or "EDGE_TEXT");
        Assert.Equal(1, _provider.Truncations);
    }

    [Fact]
    public void A_journal_that_is_not_there_gets_the_line_on_the_fallback_and_a_count()
    {
        using var fallback = new StringWriter();
        using var provider = new JournaldLoggerProvider(_folder.File("no-journal"), fallback);

        TestLog.Refused(provider.CreateLogger("Edge.Service.Uplink"), "mqtts://x");

        Assert.Equal(1, provider.Failures);
        Assert.Equal("<3>Edge.Service.Uplink: broker mqtts://x refused the login" + Environment.NewLine, fallback.ToString());
    }

    [Fact]
    public async Task Entries_logged_from_many_threads_arrive_whole()
    {
        const int Threads = 4;
        const int PerThread = 50;

        // Received while they are sent, as journald does: a socket's queue holds few datagrams
        // (net.unix.max_dgram_qlen; systemd raises it to 512), and a full one makes senders wait.
        var received = Task.Run(() => Enumerable.Range(0, Threads * PerThread).Select(_ => _journal.Receive()).ToList(), TestContext.Current.CancellationToken);
        Parallel.For(0, Threads, thread =>
        {
            var logger = _provider.CreateLogger("Thread" + thread);
            var padding = new string('x', thread * 100);
            for (var i = 0; i < PerThread; i++)
                TestLog.Entry(logger, thread, i, padding);
        });

        var seen = new HashSet<string>();
        foreach (var datagram in await received)
        {
            var fields = JournalDatagram.Fields(datagram);
            Assert.Equal("Thread" + fields["EDGE_THREAD"], fields["EDGE_CATEGORY"]);
            Assert.Equal(int.Parse(fields["EDGE_THREAD"], System.Globalization.CultureInfo.InvariantCulture) * 100, fields["EDGE_PADDING"].Length);
            Assert.True(seen.Add(fields["EDGE_THREAD"] + "/" + fields["EDGE_SEQUENCE"]));
        }
        Assert.True(_journal.IsEmpty);
        Assert.Equal(0, _provider.Failures);
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_]{0,63}$")]
    private static partial Regex JournalName();
}
