using Edge.Uplink.Outbox;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.Uplink.Tests.Outbox;

public sealed class SqliteOutboxTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Messages_are_read_back_in_the_order_they_were_added_with_every_field()
    {
        using var outbox = OutboxItems.Open(_folder.File("outbox.db"));
        var a = outbox.Add(OutboxItems.Item("a", OutboxPriority.Low));
        var b = outbox.Add(OutboxItems.Item("b", OutboxPriority.Critical));
        var c = outbox.Add(new OutboxItem("edge/v1/a/s/status", "{}"u8.ToArray(), OutboxPriority.High));

        Assert.True(a.Stored && b.Stored && c.Stored);
        Assert.True(a.Sequence < b.Sequence && b.Sequence < c.Sequence);
        var records = outbox.Read(0, 10);
        Assert.Equal([a.Sequence, b.Sequence, c.Sequence], records.Select(r => r.Sequence));
        Assert.Equal((b.Sequence, OutboxItems.Topic, OutboxPriority.Critical, "b"), (records[1].Sequence, records[1].Topic, records[1].Priority, records[1].MessageId));
        Assert.Equal("b"u8.ToArray(), records[1].Payload);
        Assert.Null(records[2].MessageId);
        Assert.Equal("edge/v1/a/s/status", records[2].Topic);
    }

    [Fact]
    public void Read_starts_after_the_given_sequence_and_stops_at_max()
    {
        using var outbox = OutboxItems.Open(_folder.File("outbox.db"));
        var results = outbox.AddRange([.. Enumerable.Range(0, 10).Select(i => OutboxItems.Item($"m{i}"))]);

        Assert.Equal(10, results.Count);
        Assert.All(results, r => Assert.True(r.Stored));
        Assert.Equal(["m3", "m4", "m5"], outbox.Read(results[2].Sequence, 3).Select(OutboxItems.Name));
        Assert.Empty(outbox.Read(results[9].Sequence, 3));
        Assert.Empty(outbox.Read(0, 0));
    }

    [Fact]
    public void Delete_removes_only_that_message_and_a_second_delete_is_harmless()
    {
        using var outbox = OutboxItems.Open(_folder.File("outbox.db"));
        var results = outbox.AddRange([OutboxItems.Item("a", padTo: 100), OutboxItems.Item("b", padTo: 100), OutboxItems.Item("c", padTo: 100)]);

        outbox.Delete(results[1].Sequence);
        outbox.Delete(results[1].Sequence);
        outbox.Delete(12345);

        Assert.Equal(["a", "c"], outbox.Read(0, 10).Select(OutboxItems.Name));
        var stats = outbox.Stats;
        Assert.Equal(2, stats.Depth);
        Assert.Equal(2 * OutboxItems.Size(100), stats.Bytes);
        Assert.Equal(3, stats.Added);
        Assert.Equal(1, stats.Delivered);
    }

    [Fact]
    public void A_sequence_is_never_reused_even_after_the_newest_message_is_deleted_and_the_outbox_reopened()
    {
        var path = _folder.File("outbox.db");
        long last;
        using (var outbox = OutboxItems.Open(path))
        {
            outbox.Add(OutboxItems.Item("a"));
            last = outbox.Add(OutboxItems.Item("b")).Sequence;
            outbox.Delete(last);
        }
        using (var reopened = OutboxItems.Open(path))
        {
            var next = reopened.Add(OutboxItems.Item("c")).Sequence;
            Assert.True(next > last);
            Assert.Equal(["c"], reopened.Read(last, 10).Select(OutboxItems.Name));
        }
    }

    [Fact]
    public void Messages_and_totals_survive_a_restart()
    {
        var path = _folder.File("outbox.db");
        using (var outbox = OutboxItems.Open(path, synchronous: OutboxSynchronous.Full))
        {
            outbox.AddRange([.. Enumerable.Range(0, 5).Select(i => OutboxItems.Item($"m{i}", padTo: 50))]);
            outbox.Delete(outbox.Read(0, 1)[0].Sequence);
        }
        using var reopened = OutboxItems.Open(path, synchronous: OutboxSynchronous.Full);

        Assert.Equal(["m1", "m2", "m3", "m4"], reopened.Read(0, 10).Select(OutboxItems.Name));
        Assert.Null(reopened.Recovery);
        var stats = reopened.Stats;
        Assert.Equal((4L, 4 * OutboxItems.Size(50), 5L, 1L), (stats.Depth, stats.Bytes, stats.Added, stats.Delivered));
    }

    [Fact]
    public void The_folder_is_created_and_the_file_is_in_wal_mode()
    {
        var path = Path.Combine(_folder.Path, "state", "uplink", "outbox.db");
        using var outbox = OutboxItems.Open(path);
        outbox.Add(OutboxItems.Item("a"));

        Assert.True(File.Exists(path));
        Assert.True(File.Exists(path + "-wal"));
    }

    [Fact]
    public void A_disposed_outbox_refuses_work()
    {
        var outbox = OutboxItems.Open(_folder.File("outbox.db"));
        outbox.Dispose();
        outbox.Dispose();

        Assert.Throws<ObjectDisposedException>(() => outbox.Add(OutboxItems.Item("a")));
        Assert.Throws<ObjectDisposedException>(() => outbox.Read(0, 1));
    }
}
