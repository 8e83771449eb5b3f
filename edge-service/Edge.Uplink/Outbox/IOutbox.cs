namespace Edge.Uplink.Outbox;

/// <summary>The durable queue between the alert pipeline and the broker. A message is on disk before
/// <see cref="Add"/> returns and stops being pending only through <see cref="Delete"/>, called after
/// the broker's PUBACK (or when dropped to make room). Thread-safe: the pipeline adds while the uplink reads and deletes.</summary>
public interface IOutbox : IDisposable
{
    OutboxAddResult Add(OutboxItem item);

    /// <summary>Adds several messages in one durable commit (the cheap way under load).</summary>
    IReadOnlyList<OutboxAddResult> AddRange(IReadOnlyList<OutboxItem> items);

    /// <summary>Up to <paramref name="max"/> messages with a sequence above <paramref name="afterSequence"/>, oldest first.</summary>
    IReadOnlyList<OutboxRecord> Read(long afterSequence, int max);

    /// <summary>Marks a message delivered: <see cref="Read"/> no longer returns it; it is kept for the
    /// redelivery window, then removed. Deleting one already delivered or gone is not an error.</summary>
    void Delete(long sequence);

    /// <summary>Makes every delivered message still kept pending again (in sequence order, as they were),
    /// for a broker that lost them; returns how many.</summary>
    int Redeliver();

    OutboxStats Stats { get; }
}
