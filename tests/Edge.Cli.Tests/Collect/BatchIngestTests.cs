using Edge.Cli.Collect;
using Edge.Cli.Store;
using Edge.Cli.Tests.Store;
using Edge.Uplink.Mqtt;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Cli.Tests.Collect;

public sealed class BatchIngestTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(StoreFixtures.Start);
    private readonly List<string> _acknowledged = [];
    private readonly FakeStore _store;
    private readonly CollectCounters _counters = new();
    private readonly StringWriter _log = new();

    public BatchIngestTests() => _store = new FakeStore(_acknowledged);

    public void Dispose()
    {
        _store.Dispose();
        _log.Dispose();
    }

    private BatchIngest Ingest(int batch = 3, int flushMs = 100, int idleMs = 1_000) =>
        new(_store, batch, TimeSpan.FromMilliseconds(flushMs), 100, _time, _counters, new CollectLog(_log, _time),
            new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), TimeSpan.FromMilliseconds(idleMs));

    private Delivery Alert(int n) =>
        new(ParsedMessage.Of(StoreFixtures.Alert(Id(n))), new RecordingAck($"a{n}", _acknowledged));

    private static string Id(int n) => $"01J00000000000000000000{n:D3}";

    [Fact]
    public async Task A_full_batch_is_committed_at_once_and_acknowledged_only_after_its_commit_in_arrival_order()
    {
        var ingest = Ingest(batch: 3);
        var run = ingest.RunAsync(TestContext.Current.CancellationToken);
        for (var n = 1; n <= 6; n++)
            await ingest.Writer.WriteAsync(Alert(n), TestContext.Current.CancellationToken);

        await Until(() => _acknowledged.Count == 6);
        ingest.Writer.Complete();

        Assert.True(await run.WaitAsync(Bound, TestContext.Current.CancellationToken));
        Assert.Equal([3, 3], _store.Commits.Select(c => c.Ids.Count));
        // Acknowledgements sent before each commit: none before the first, the first batch's before the second.
        Assert.Equal([0, 3], _store.Commits.Select(c => c.AcknowledgedBefore));
        Assert.Equal(["a1", "a2", "a3", "a4", "a5", "a6"], _acknowledged);
        Assert.Equal(6, _counters.Snapshot().NewAlerts);
    }

    [Fact]
    public async Task A_partial_batch_is_committed_once_no_message_comes_for_the_idle_gap()
    {
        var ingest = Ingest(batch: 100, flushMs: 10_000, idleMs: 40);
        var run = ingest.RunAsync(TestContext.Current.CancellationToken);
        await ingest.Writer.WriteAsync(Alert(1), TestContext.Current.CancellationToken);
        await ingest.Writer.WriteAsync(Alert(2), TestContext.Current.CancellationToken);

        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Empty(_store.Commits);
        Assert.Empty(_acknowledged);

        await Until(() => _acknowledged.Count == 2, advance: TimeSpan.FromMilliseconds(10));
        Assert.Single(_store.Commits);
        var waited = _time.GetUtcNow() - StoreFixtures.Start;
        Assert.True(waited >= TimeSpan.FromMilliseconds(40) && waited < TimeSpan.FromSeconds(10), $"committed after {waited}");
        ingest.Writer.Complete();
        Assert.True(await run.WaitAsync(Bound, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_steady_trickle_is_committed_at_the_latest_flush_time_after_its_first_message()
    {
        var ingest = Ingest(batch: 100, flushMs: 200, idleMs: 50);
        var run = ingest.RunAsync(TestContext.Current.CancellationToken);
        var n = 0;
        var deadline = DateTime.UtcNow + Bound;
        while (_store.Commits.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no commit");
            await ingest.Writer.WriteAsync(Alert(++n), TestContext.Current.CancellationToken);
            await Task.Delay(20, TestContext.Current.CancellationToken);
            _time.Advance(TimeSpan.FromMilliseconds(30));
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        // A message every 30 ms never leaves a 50 ms gap: the flush time (200 ms) ends the batch.
        Assert.InRange(_store.Commits[0].Ids.Count, 6, 9);
        ingest.Writer.Complete();
        Assert.True(await run.WaitAsync(Bound, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_failing_store_gets_no_acknowledgement_until_a_retry_commits_the_same_batch()
    {
        _store.FailuresLeft = 2;
        var ingest = Ingest(batch: 2);
        var run = ingest.RunAsync(TestContext.Current.CancellationToken);
        await ingest.Writer.WriteAsync(Alert(1), TestContext.Current.CancellationToken);
        await ingest.Writer.WriteAsync(Alert(2), TestContext.Current.CancellationToken);

        await Until(() => _store.Attempts == 1);
        Assert.Empty(_acknowledged);
        await Until(() => _acknowledged.Count == 2, advance: TimeSpan.FromMilliseconds(250));

        Assert.Equal(3, _store.Attempts);
        Assert.Equal([Id(1), Id(2)], _store.Commits.Single().Ids);
        Assert.Equal(2, _counters.Snapshot().StoreFailures);
        Assert.Contains("nothing acknowledged, the broker keeps them", _log.ToString(), StringComparison.Ordinal);
        Assert.Contains("commit succeeded after 2 failure(s)", _log.ToString(), StringComparison.Ordinal);
        ingest.Writer.Complete();
        Assert.True(await run.WaitAsync(Bound, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task At_shutdown_a_store_that_keeps_failing_is_abandoned_with_nothing_acknowledged()
    {
        _store.FailuresLeft = int.MaxValue;
        using var abandon = new CancellationTokenSource();
        var ingest = Ingest(batch: 2);
        var run = ingest.RunAsync(abandon.Token);
        await ingest.Writer.WriteAsync(Alert(1), TestContext.Current.CancellationToken);
        await ingest.Writer.WriteAsync(Alert(2), TestContext.Current.CancellationToken);
        await Until(() => _store.Attempts >= 2, advance: TimeSpan.FromMilliseconds(250));

        ingest.Writer.Complete();
        await abandon.CancelAsync();

        Assert.False(await run.WaitAsync(Bound, TestContext.Current.CancellationToken));
        Assert.Empty(_acknowledged);
        Assert.Empty(_store.Commits);
        Assert.Contains("gave up on 2 uncommitted message(s)", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completing_the_writer_flushes_what_is_held_without_waiting_for_the_flush_time()
    {
        var ingest = Ingest(batch: 100, flushMs: 60_000);
        var run = ingest.RunAsync(TestContext.Current.CancellationToken);
        await ingest.Writer.WriteAsync(Alert(1), TestContext.Current.CancellationToken);
        ingest.Writer.Complete();

        Assert.True(await run.WaitAsync(Bound, TestContext.Current.CancellationToken));
        Assert.Equal(["a1"], _acknowledged);
    }

    [Fact]
    public async Task An_acknowledgement_that_cannot_be_sent_is_counted_and_the_rest_still_go()
    {
        var ingest = Ingest(batch: 2);
        var run = ingest.RunAsync(TestContext.Current.CancellationToken);
        await ingest.Writer.WriteAsync(new Delivery(ParsedMessage.Of(StoreFixtures.Alert(Id(1))), new LostAck()),
            TestContext.Current.CancellationToken);
        await ingest.Writer.WriteAsync(Alert(2), TestContext.Current.CancellationToken);
        ingest.Writer.Complete();

        Assert.True(await run.WaitAsync(Bound, TestContext.Current.CancellationToken));
        Assert.Equal(["a2"], _acknowledged);
        Assert.Equal(1, _counters.Snapshot().Unacknowledged);
    }

    /// <summary>Waits (bounded, real time) for a condition, moving the fake clock on meanwhile.</summary>
    private async Task Until(Func<bool> condition, TimeSpan? advance = null)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!Locked(condition))
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            if (advance is { } step)
                _time.Advance(step);
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    private bool Locked(Func<bool> condition)
    {
        // The order FakeStore.Write takes them in.
        lock (_store)
        {
            lock (_acknowledged)
                return condition();
        }
    }

    /// <summary>Records each commit with how many acknowledgements had gone out before it.</summary>
    private sealed class FakeStore(List<string> acknowledged) : IBatchStore
    {
        public List<(List<string> Ids, int AcknowledgedBefore)> Commits { get; } = [];

        public int Attempts { get; private set; }

        public int FailuresLeft { get; set; }

        public StoreResult Write(IncomingBatch batch)
        {
            lock (this)
            {
                Attempts++;
                if (FailuresLeft > 0)
                {
                    FailuresLeft--;
                    throw new InvalidOperationException("database is locked");
                }
                lock (acknowledged)
                    Commits.Add((batch.Alerts.Select(a => a.Message.Id).ToList(), acknowledged.Count));
                return new StoreResult(batch.Alerts.Count, 0, batch.Statuses.Count, batch.Heartbeats.Count, batch.Rejects.Count);
            }
        }

        public void Dispose()
        {
        }
    }

    private sealed class RecordingAck(string name, List<string> acknowledged) : IDeliveryAck
    {
        public ValueTask<bool> AcknowledgeAsync(CancellationToken cancellationToken)
        {
            lock (acknowledged)
                acknowledged.Add(name);
            return ValueTask.FromResult(true);
        }
    }

    private sealed class LostAck : IDeliveryAck
    {
        public ValueTask<bool> AcknowledgeAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);
    }
}
