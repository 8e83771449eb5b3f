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
