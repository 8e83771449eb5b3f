using Edge.Detect.Findings;
using Edge.Service.Tests.TestSupport;
using Edge.Service.Uplink;
using Edge.Uplink.Outbox;
using Edge.Uplink.Tests.TestSupport;
using Edge.Uplink.Topics;

namespace Edge.Service.Tests.Uplink;

public sealed class OutboxAlertSinkTests : IDisposable
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);
    private static readonly AlertMessageMapper s_mapper = new(new TopicLayout("agency-7", "lan-edge-1"), TimeProvider.System);
    private const string Topic = "edge/v1/agency-7/lan-edge-1/alert/phishing";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private SqliteOutbox Open(int maxMessages = 0) => OutboxItems.Open(_folder.File("outbox.db"), maxMessages);

    [Fact]
    public void An_alert_raised_after_shutdown_began_is_refused_and_counted_not_thrown()
    {
        using var outbox = Open();
        var sink = new OutboxAlertSink(s_mapper, outbox, queueCapacity: 1);
        sink.Dispose();

        sink.Raise(TestAlerts.Alert(1));
        sink.Raise(TestAlerts.Alert(2));

        Assert.Equal((2L, 2L), (sink.Queued, sink.Refused));
    }

    [Fact]
    public void Alerts_land_in_the_outbox_in_raise_order_with_topic_priority_and_id()
    {
        Severity[] severities = [Severity.Low, Severity.Medium, Severity.High, Severity.Critical];
        using var outbox = Open();
        using var sink = new OutboxAlertSink(s_mapper, outbox);

        for (var i = 0; i < 40; i++)
            sink.Raise(TestAlerts.Alert(i, severities[i % 4]));

        Assert.True(sink.Flush(s_wait));
        Assert.Equal((40L, 40L, 0L, 0L), (sink.Queued, sink.Raised, sink.Refused, sink.Dropped));
        var records = outbox.Read(0, 100);
        Assert.Equal(Enumerable.Range(0, 40).Select(TestAlerts.Id), records.Select(r => r.MessageId));
        Assert.All(records, r => Assert.Equal(Topic, r.Topic));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => AlertMessageMapper.Priority(severities[i % 4])), records.Select(r => r.Priority));
        Assert.Contains($"\"id\":\"{TestAlerts.Id(7)}\"", System.Text.Encoding.UTF8.GetString(records[7].Payload), StringComparison.Ordinal);
    }

    [Fact]
    public void An_alert_counts_as_raised_only_once_it_is_committed()
    {
        using var outbox = new GatedOutbox(Open());
        var stored = 0;
        using var sink = new OutboxAlertSink(s_mapper, outbox, () => Interlocked.Increment(ref stored));

        sink.Raise(TestAlerts.Alert(1));
        Assert.True(outbox.Entered.Wait(s_wait, TestContext.Current.CancellationToken), "the writer never reached the outbox");

        Assert.Equal((1L, 0L), (sink.Queued, sink.Raised));
        Assert.False(sink.Flush(TimeSpan.FromMilliseconds(50)));
        Assert.Equal(0, Volatile.Read(ref stored));
        outbox.Open();
        Assert.True(sink.Flush(s_wait));
        Assert.Equal(1L, sink.Raised);
        Assert.Equal(1, Volatile.Read(ref stored));
        Assert.Single(outbox.Inner.Read(0, 10));
    }

    [Fact]
    public void A_burst_is_written_in_a_few_commits()
    {
        using var outbox = new GatedOutbox(Open());
        using var sink = new OutboxAlertSink(s_mapper, outbox);

        sink.Raise(TestAlerts.Alert(0));
        Assert.True(outbox.Entered.Wait(s_wait, TestContext.Current.CancellationToken), "the writer never reached the outbox");
        for (var i = 1; i < 1000; i++)
            sink.Raise(TestAlerts.Alert(i));
        outbox.Open();

        Assert.True(sink.Flush(s_wait));
        Assert.Equal(1000L, sink.Raised);
        // One commit for the first alert, then the 999 queued meanwhile in batches of up to 512.
        Assert.InRange(sink.Batches, 2, 4);
        Assert.Equal(1000, outbox.Inner.Read(0, 2000).Count);
    }

    [Fact]
    public void A_full_outbox_of_critical_alerts_refuses_lower_ones()
    {
        using var outbox = Open(maxMessages: 3);
        using var sink = new OutboxAlertSink(s_mapper, outbox);

        for (var i = 0; i < 3; i++)
            sink.Raise(TestAlerts.Alert(i, Severity.Critical));
        for (var i = 3; i < 5; i++)
            sink.Raise(TestAlerts.Alert(i, Severity.Low));

        Assert.True(sink.Flush(s_wait));
        Assert.Equal((3L, 2L, 0L), (sink.Raised, sink.Refused, sink.Dropped));
        Assert.Equal([TestAlerts.Id(0), TestAlerts.Id(1), TestAlerts.Id(2)], outbox.Read(0, 10).Select(r => r.MessageId));
        Assert.Equal(2L, outbox.Stats.Refused);
    }

    [Fact]
    public void A_full_outbox_of_low_alerts_drops_the_oldest_for_critical_ones()
    {
        using var outbox = Open(maxMessages: 3);
        using var sink = new OutboxAlertSink(s_mapper, outbox);

        for (var i = 0; i < 3; i++)
            sink.Raise(TestAlerts.Alert(i, Severity.Low));
        for (var i = 3; i < 5; i++)
            sink.Raise(TestAlerts.Alert(i, Severity.Critical));

        Assert.True(sink.Flush(s_wait));
        Assert.Equal((5L, 0L, 2L), (sink.Raised, sink.Refused, sink.Dropped));
        Assert.Equal([TestAlerts.Id(2), TestAlerts.Id(3), TestAlerts.Id(4)], outbox.Read(0, 10).Select(r => r.MessageId));
        Assert.Equal(2L, outbox.Stats.DroppedLow);
    }

    [Fact]
    public void Dispose_writes_what_is_still_queued()
    {
        var path = _folder.File("outbox.db");
        using (var outbox = new GatedOutbox(OutboxItems.Open(path)))
        {
            var sink = new OutboxAlertSink(s_mapper, outbox);
            sink.Raise(TestAlerts.Alert(0));
            Assert.True(outbox.Entered.Wait(s_wait, TestContext.Current.CancellationToken), "the writer never reached the outbox");
            for (var i = 1; i < 200; i++)
                sink.Raise(TestAlerts.Alert(i));
            outbox.Open();

            sink.Dispose();

            Assert.Equal(200L, sink.Raised);
        }
        using var reopened = OutboxItems.Open(path);
        Assert.Equal(Enumerable.Range(0, 200).Select(TestAlerts.Id), reopened.Read(0, 500).Select(r => r.MessageId));
    }

    /// <summary>A real outbox whose commits wait until the test opens the gate.</summary>
    private sealed class GatedOutbox(SqliteOutbox inner) : IOutbox
    {
        private readonly ManualResetEventSlim _gate = new();

        public SqliteOutbox Inner { get; } = inner;

        public ManualResetEventSlim Entered { get; } = new();

        public OutboxStats Stats => Inner.Stats;

        public void Open() => _gate.Set();

        public OutboxAddResult Add(OutboxItem item) => AddRange([item])[0];

        public IReadOnlyList<OutboxAddResult> AddRange(IReadOnlyList<OutboxItem> items)
        {
            Entered.Set();
            Assert.True(_gate.Wait(s_wait), "the test never opened the gate");
            return Inner.AddRange(items);
        }

        public IReadOnlyList<OutboxRecord> Read(long afterSequence, int max) => Inner.Read(afterSequence, max);

        public void Delete(long sequence) => Inner.Delete(sequence);

        public int Redeliver() => Inner.Redeliver();

        public void Dispose()
        {
            _gate.Set();
            Inner.Dispose();
            _gate.Dispose();
            Entered.Dispose();
        }
    }
}
