using Edge.Uplink.Outbox;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.Uplink.Tests.Outbox;

public sealed class OutboxConcurrencyTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Two_writers_and_an_uplink_reading_and_deleting_lose_and_repeat_nothing()
    {
        const int PerWriter = 1_500;
        var cancel = TestContext.Current.CancellationToken;
        using var outbox = OutboxItems.Open(_folder.File("outbox.db"));
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(() =>
        {
            // Mostly single adds, every 50th a batch of 10, as the pipeline does under load.
            var i = 0;
            while (i < PerWriter)
            {
                if (i % 50 == 0)
                {
                    outbox.AddRange([.. Enumerable.Range(i, 10).Select(j => OutboxItems.Item($"w{w}-{j}"))]);
                    i += 10;
                }
                else
                {
                    outbox.Add(OutboxItems.Item($"w{w}-{i}"));
                    i++;
                }
            }
        }, cancel)).ToArray();
        var delivered = new List<string>();
        var uplink = Task.Run(() =>
        {
            long after = 0;
            while (delivered.Count < 2 * PerWriter)
            {
                cancel.ThrowIfCancellationRequested();
                var batch = outbox.Read(after, 50);
                foreach (var record in batch)
                {
                    delivered.Add(OutboxItems.Name(record));
                    outbox.Delete(record.Sequence);
                    after = record.Sequence;
                }
                if (batch.Count == 0)
                    Thread.Yield();
            }
        }, cancel);

        await Task.WhenAll([.. writers, uplink]);

        Assert.Equal(2 * PerWriter, delivered.Count);
        Assert.Equal(2 * PerWriter, delivered.Distinct().Count());
        for (var w = 0; w < 2; w++)
        {
            var mine = delivered.Where(d => d.StartsWith($"w{w}-", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, PerWriter).Select(j => $"w{w}-{j}"), mine);
        }
        var stats = outbox.Stats;
        Assert.Equal((0L, 0L, 2L * PerWriter, 2L * PerWriter), (stats.Depth, stats.Bytes, stats.Added, stats.Delivered));
    }

    [Fact]
    public void Single_adds_from_many_threads_all_get_distinct_sequences()
    {
        using var outbox = OutboxItems.Open(_folder.File("outbox.db"));
        var sequences = new System.Collections.Concurrent.ConcurrentBag<long>();
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken },
            i => sequences.Add(outbox.Add(OutboxItems.Item($"m{i}")).Sequence));

        Assert.Equal(400, sequences.Distinct().Count());
        Assert.Equal(400, outbox.Read(0, 1000).Count);
        Assert.Equal(400, outbox.Stats.Depth);
    }
}
