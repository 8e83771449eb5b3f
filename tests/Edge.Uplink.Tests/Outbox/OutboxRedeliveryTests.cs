using Edge.Uplink.Outbox;
using Edge.Uplink.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Uplink.Tests.Outbox;

/// <summary>Delivered messages are kept for the redelivery window: not read, not in the depth, first
/// to go when full, pending again on <see cref="IOutbox.Redeliver"/>, purged after the window.</summary>
public sealed class OutboxRedeliveryTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    private SqliteOutbox Open(int window = 300, int maxMessages = 0, string name = "outbox.db") =>
        OutboxItems.Open(_folder.File(name), maxMessages: maxMessages, time: _time, redeliveryWindowSeconds: window);

    private static void DeliverAll(SqliteOutbox outbox)
    {
        foreach (var record in outbox.Read(0, 1000))
            outbox.Delete(record.Sequence);
    }

    public static TheoryData<string> Kinds => ["sqlite", "memory"];

    private IOutbox OpenKind(string kind, int window = 300) =>
        kind == "sqlite" ? Open(window) : new InMemoryOutbox(_time, TimeSpan.FromSeconds(window));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Delivered_messages_are_kept_out_of_read_and_depth_then_purged_after_the_window(string kind)
    {
        using var outbox = OpenKind(kind);
        outbox.AddRange([OutboxItems.Item("a"), OutboxItems.Item("b"), OutboxItems.Item("c")]);
        outbox.Delete(outbox.Read(0, 1)[0].Sequence);

        Assert.Equal(["b", "c"], outbox.Read(0, 10).Select(OutboxItems.Name));
        Assert.Equal((2L, 1L, 1L), (outbox.Stats.Depth, outbox.Stats.Kept, outbox.Stats.Delivered));

        _time.Advance(TimeSpan.FromSeconds(299));
        Assert.Equal(1, outbox.Stats.Kept);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((2L, 0L, 0L, 1L), (outbox.Stats.Depth, outbox.Stats.Kept, outbox.Stats.KeptBytes, outbox.Stats.Delivered));
        Assert.Equal(0, outbox.Redeliver());
        Assert.Equal(["b", "c"], outbox.Read(0, 10).Select(OutboxItems.Name));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Redeliver_makes_the_kept_messages_pending_again_in_sequence_order(string kind)
    {
        using var outbox = OpenKind(kind);
        outbox.AddRange([.. Enumerable.Range(1, 6).Select(i => OutboxItems.Item($"m{i}"))]);
        var records = outbox.Read(0, 10);
        foreach (var i in new[] { 3, 0, 4, 1 })
            outbox.Delete(records[i].Sequence);
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(["m3", "m6"], outbox.Read(0, 10).Select(OutboxItems.Name));
        Assert.Equal(4, outbox.Redeliver());
        Assert.Equal(["m1", "m2", "m3", "m4", "m5", "m6"], outbox.Read(0, 10).Select(OutboxItems.Name));
        Assert.Equal((6L, 0L, 0L), (outbox.Stats.Depth, outbox.Stats.Kept, outbox.Stats.Delivered));
        Assert.Equal(0, outbox.Redeliver());
    }

    [Fact]
    public void Only_messages_still_in_the_window_come_back()
    {
        using var outbox = Open();
        outbox.AddRange([OutboxItems.Item("old"), OutboxItems.Item("new"), OutboxItems.Item("pending")]);
        var records = outbox.Read(0, 10);
        outbox.Delete(records[0].Sequence);
        _ = outbox.Stats;
        _time.Advance(TimeSpan.FromSeconds(200));
        outbox.Delete(records[1].Sequence);
        _ = outbox.Stats;
        _time.Advance(TimeSpan.FromSeconds(150));

        Assert.Equal(1, outbox.Redeliver());
        Assert.Equal(["new", "pending"], outbox.Read(0, 10).Select(OutboxItems.Name));
    }

    [Fact]
    public void A_window_of_zero_deletes_at_once()
    {
        using var outbox = Open(window: 0);
        outbox.AddRange([OutboxItems.Item("a"), OutboxItems.Item("b")]);
        outbox.Delete(outbox.Read(0, 1)[0].Sequence);

        Assert.Equal((1L, 0L, 1L), (outbox.Stats.Depth, outbox.Stats.Kept, outbox.Stats.Delivered));
        Assert.Equal(0, outbox.Redeliver());
        Assert.Equal(["b"], outbox.Read(0, 10).Select(OutboxItems.Name));
    }

    [Fact]
    public void Kept_messages_survive_a_restart_and_can_still_be_redelivered()
    {
        var path = _folder.File("outbox.db");
        using (var outbox = OutboxItems.Open(path, time: _time))
        {
            outbox.AddRange([OutboxItems.Item("a"), OutboxItems.Item("b")]);
            DeliverAll(outbox);
        }

        using var reopened = OutboxItems.Open(path, time: _time);
        Assert.Equal((0L, 2L, 2L), (reopened.Stats.Depth, reopened.Stats.Kept, reopened.Stats.Delivered));
        Assert.Equal(2, reopened.Redeliver());
        Assert.Equal(["a", "b"], reopened.Read(0, 10).Select(OutboxItems.Name));
    }

    [Fact]
    public void A_full_outbox_drops_kept_messages_first_whatever_their_priority()
    {
        using var outbox = Open(maxMessages: 4);
        outbox.AddRange([
            OutboxItems.Item("kept-critical", OutboxPriority.Critical),
            OutboxItems.Item("kept-high", OutboxPriority.High),
            OutboxItems.Item("low", OutboxPriority.Low),
            OutboxItems.Item("medium", OutboxPriority.Medium),
        ]);
        var records = outbox.Read(0, 2);
        outbox.Delete(records[1].Sequence);
        _time.Advance(TimeSpan.FromSeconds(1));
        outbox.Delete(records[0].Sequence);
        _ = outbox.Stats;

        var first = outbox.Add(OutboxItems.Item("low2", OutboxPriority.Low));
        Assert.Equal((true, 0), (first.Stored, first.Dropped));
        Assert.Equal((3L, 1L), (outbox.Stats.Depth, outbox.Stats.Kept));
        var second = outbox.Add(OutboxItems.Item("low3", OutboxPriority.Low));
        Assert.Equal((true, 0), (second.Stored, second.Dropped));
        Assert.Equal((4L, 0L, 0L), (outbox.Stats.Depth, outbox.Stats.Kept, outbox.Stats.Dropped));

        // No kept message left: the usual policy (lowest priority, oldest first).
        var third = outbox.Add(OutboxItems.Item("high", OutboxPriority.High));
        Assert.Equal((true, 1), (third.Stored, third.Dropped));
        Assert.Equal(["medium", "low2", "low3", "high"], outbox.Read(0, 10).Select(OutboxItems.Name));
        Assert.Equal(0, outbox.Redeliver());
    }

    [Fact]
    public void A_file_of_the_previous_schema_version_is_migrated_with_its_messages_and_counters()
    {
        var path = _folder.File("v1.db");
        OutboxSchemaV1.Create(path, ["a", "b", "c"], delivered: 7);

        using var outbox = OutboxItems.Open(path, time: _time);
        Assert.Null(outbox.Recovery);
        Assert.Equal(["a", "b", "c"], outbox.Read(0, 10).Select(OutboxItems.Name));
        Assert.Equal((3L, 0L, 7L), (outbox.Stats.Depth, outbox.Stats.Kept, outbox.Stats.Delivered));
        outbox.Delete(outbox.Read(0, 1)[0].Sequence);
        Assert.Equal(["b", "c"], outbox.Read(0, 10).Select(OutboxItems.Name));
        Assert.Equal(1, outbox.Redeliver());
        Assert.Equal(2, OutboxSchemaV1.UserVersion(path));
    }
}
