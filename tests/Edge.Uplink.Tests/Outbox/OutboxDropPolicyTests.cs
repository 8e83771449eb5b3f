using Edge.Uplink.Outbox;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.Uplink.Tests.Outbox;

public sealed class OutboxDropPolicyTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_full_outbox_drops_the_lowest_priority_oldest_first()
    {
        using var outbox = OutboxItems.Open(_folder.File("outbox.db"), maxMessages: 4);
        outbox.AddRange([
            OutboxItems.Item("high1", OutboxPriority.High),
            OutboxItems.Item("low1", OutboxPriority.Low),
            OutboxItems.Item("medium1", OutboxPriority.Medium),
            OutboxItems.Item("low2", OutboxPriority.Low),
        ]);

        var first = outbox.Add(OutboxItems.Item("high2", OutboxPriority.High));
        var second = outbox.Add(OutboxItems.Item("high3", OutboxPriority.High));
        var third = outbox.Add(OutboxItems.Item("high4", OutboxPriority.High));

        Assert.Equal((true, 1), (first.Stored, first.Dropped));
        Assert.Equal((true, 1), (second.Stored, second.Dropped));
        Assert.Equal((true, 1), (third.Stored, third.Dropped));
        Assert.Equal(["high1", "high2", "high3", "high4"], outbox.Read(0, 10).Select(OutboxItems.Name));
        var stats = outbox.Stats;
        Assert.Equal((3L, 2L, 1L, 0L, 0L), (stats.Dropped, stats.DroppedLow, stats.DroppedMedium, stats.DroppedHigh, stats.Refused));
    }

    [Fact]
    public void A_message_drops_only_messages_that_do_not_outrank_it_else_it_is_refused()
    {
        using var outbox = OutboxItems.Open(_folder.File("outbox.db"), maxMessages: 2);
        outbox.AddRange([OutboxItems.Item("medium", OutboxPriority.Medium), OutboxItems.Item("low", OutboxPriority.Low)]);

        var newerLow = outbox.Add(OutboxItems.Item("low-newer", OutboxPriority.Low));
        var newestLow = outbox.Add(OutboxItems.Item("low-newest", OutboxPriority.Low));
        outbox.Add(OutboxItems.Item("medium2", OutboxPriority.Medium));
        var refusedLow = outbox.Add(OutboxItems.Item("low-refused", OutboxPriority.Low));

        Assert.Equal((true, 1), (newerLow.Stored, newerLow.Dropped));
        Assert.Equal((true, 1), (newestLow.Stored, newestLow.Dropped));
        Assert.Equal(new OutboxAddResult(false, 0, 0), refusedLow);
        Assert.Equal(["medium", "medium2"], outbox.Read(0, 10).Select(OutboxItems.Name));
        Assert.Equal((3L, 1L), (outbox.Stats.DroppedLow, outbox.Stats.Refused));
    }

    [Fact]
    public void Critical_messages_are_never_dropped_and_a_full_outbox_of_them_refuses_the_rest()
    {
        using var outbox = OutboxItems.Open(_folder.File("outbox.db"), maxMessages: 3);
        outbox.AddRange([
            OutboxItems.Item("critical1", OutboxPriority.Critical),
            OutboxItems.Item("high", OutboxPriority.High),
            OutboxItems.Item("critical2", OutboxPriority.Critical),
        ]);

        var critical3 = outbox.Add(OutboxItems.Item("critical3", OutboxPriority.Critical));
        var low = outbox.Add(OutboxItems.Item("low", OutboxPriority.Low));
        var high = outbox.Add(OutboxItems.Item("high2", OutboxPriority.High));
        var critical4 = outbox.Add(OutboxItems.Item("critical4", OutboxPriority.Critical));

        Assert.Equal((true, 1), (critical3.Stored, critical3.Dropped));
        Assert.False(low.Stored);
        Assert.False(high.Stored);
        Assert.False(critical4.Stored);
        Assert.Equal(["critical1", "critical2", "critical3"], outbox.Read(0, 10).Select(OutboxItems.Name));
        var stats = outbox.Stats;
        Assert.Equal((1L, 1L, 3L, 3L), (stats.Dropped, stats.DroppedHigh, stats.Refused, stats.Depth));
    }

    [Fact]
    public void The_byte_limit_drops_as_many_as_it_takes_and_refuses_a_message_larger_than_the_whole_outbox()
    {
        var size = OutboxItems.Size(20_000);
        using var outbox = OutboxItems.Open(_folder.File("outbox.db"), maxBytes: 4 * size);
        outbox.AddRange([.. Enumerable.Range(0, 4).Select(i => OutboxItems.Item($"low{i}", OutboxPriority.Low, padTo: 20_000))]);

        var big = outbox.Add(OutboxItems.Item("big", OutboxPriority.Medium, padTo: 50_000));
        var huge = outbox.Add(OutboxItems.Item("huge", OutboxPriority.Critical, padTo: (int)(4 * size)));

        Assert.Equal((true, 3), (big.Stored, big.Dropped));
        Assert.False(huge.Stored);
        Assert.Equal(["low3", "big"], outbox.Read(0, 10).Select(OutboxItems.Name));
        Assert.Equal(size + OutboxItems.Size(50_000), outbox.Stats.Bytes);
        Assert.Equal((3L, 1L), (outbox.Stats.DroppedLow, outbox.Stats.Refused));
    }

    [Fact]
    public void A_batch_is_one_commit_with_one_result_per_message()
    {
        using var outbox = OutboxItems.Open(_folder.File("outbox.db"), maxMessages: 2);
        var results = outbox.AddRange([
            OutboxItems.Item("critical1", OutboxPriority.Critical),
            OutboxItems.Item("critical2", OutboxPriority.Critical),
            OutboxItems.Item("low", OutboxPriority.Low),
        ]);

        Assert.Equal([true, true, false], results.Select(r => r.Stored));
        Assert.Equal((3L, 2L, 1L), (outbox.Stats.Added + outbox.Stats.Refused, outbox.Stats.Added, outbox.Stats.Refused));
    }

    [Fact]
    public void Drop_and_refusal_counts_survive_a_restart()
    {
        var path = _folder.File("outbox.db");
        using (var outbox = OutboxItems.Open(path, maxMessages: 1))
        {
            outbox.Add(OutboxItems.Item("low", OutboxPriority.Low));
            outbox.Add(OutboxItems.Item("medium", OutboxPriority.Medium));
            outbox.Add(OutboxItems.Item("high", OutboxPriority.High));
            outbox.Add(OutboxItems.Item("critical", OutboxPriority.Critical));
            outbox.Add(OutboxItems.Item("refused", OutboxPriority.Low));
            outbox.Delete(outbox.Read(0, 1)[0].Sequence);
        }
        using var reopened = OutboxItems.Open(path, maxMessages: 1);

        Assert.Equal(new OutboxStats(Depth: 0, Bytes: 0, Added: 4, Delivered: 1, Dropped: 3, DroppedLow: 1, DroppedMedium: 1, DroppedHigh: 1, Refused: 1, Kept: 1, KeptBytes: OutboxItems.Size(8)),
            reopened.Stats);
    }
}
