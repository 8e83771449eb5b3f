using Edge.Detect.Findings;
using Edge.Service.Tests.TestSupport;
using Edge.Service.Uplink;
using Edge.Uplink.Topics;
using Edge.Uplink.Outbox;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.Service.Tests.Uplink;

public sealed class OutboxAlertSinkTests
{
    private static readonly AlertMessageMapper s_mapper = new(new TopicLayout("agency-7", "lan-edge-1"), TimeProvider.System);

    [Fact]
    public void A_disk_error_is_failing_only_until_a_batch_goes_in_again_and_nothing_is_lost()
    {
        var outbox = new FlakyOutbox(failures: 2);
        using var sink = new OutboxAlertSink(s_mapper, outbox);

        sink.Raise(TestAlerts.Alert(1));
        Assert.True(SpinWait.SpinUntil(() => sink.Failing is not null, TimeSpan.FromSeconds(5)));
        Assert.Equal("disk I/O error", sink.Failing);

        Assert.True(sink.Flush(TimeSpan.FromSeconds(10)));
        Assert.Null(sink.Failing);
        Assert.Equal("disk I/O error", sink.LastError);
        Assert.Equal(1, sink.Raised);
        Assert.Equal(1, outbox.Stats.Depth);
    }

    [Fact]
    public void Store_commits_on_the_callers_thread_and_says_when_the_outbox_refuses()
    {
        using var folder = new TempFolder();
        using var outbox = new SqliteOutbox(new OutboxOptions { Path = folder.File("outbox.db"), MaxMessages = 1 });
        using var sink = new OutboxAlertSink(s_mapper, outbox);

        Assert.True(sink.Store(TestAlerts.Alert(1, Severity.Critical), out var why));
        Assert.Null(why);
        Assert.Equal(1, outbox.Stats.Depth);
        Assert.False(sink.Store(TestAlerts.Alert(2, Severity.High), out why));

        Assert.Equal("the outbox is full of higher alerts", why);
        Assert.Equal((2L, 1L, 1L), (sink.Queued, sink.Raised, sink.Refused));
        Assert.Equal(TestAlerts.Id(1), Assert.Single(outbox.Read(0, 10)).MessageId);
        Assert.True(sink.Flush(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Store_on_a_failing_disk_says_why_and_leaves_nothing_for_a_flush_to_wait_for()
    {
        var outbox = new FlakyOutbox(failures: 1);
        using var sink = new OutboxAlertSink(s_mapper, outbox);

        Assert.False(sink.Store(TestAlerts.Alert(1), out var why));

        Assert.Equal("disk I/O error", why);
        Assert.True(sink.Flush(TimeSpan.FromSeconds(1)));
        Assert.Null(sink.Failing);
        Assert.True(sink.Store(TestAlerts.Alert(1), out _));
        Assert.Equal((1L, 1L, 1L), (sink.Queued, sink.Raised, outbox.Stats.Depth));
    }

    private sealed class FlakyOutbox(int failures) : IOutbox
    {
        private readonly InMemoryOutbox _inner = new();
        private int _failures = failures;

        public OutboxStats Stats => _inner.Stats;

        public OutboxAddResult Add(OutboxItem item) => AddRange([item])[0];

        public IReadOnlyList<OutboxAddResult> AddRange(IReadOnlyList<OutboxItem> items) =>
            Interlocked.Decrement(ref _failures) >= 0 ? throw new IOException("disk I/O error") : _inner.AddRange(items);

        public IReadOnlyList<OutboxRecord> Read(long afterSequence, int max) => _inner.Read(afterSequence, max);

        public void Delete(long sequence) => _inner.Delete(sequence);

        public int Redeliver() => _inner.Redeliver();

        public void Dispose() => _inner.Dispose();
    }
}
