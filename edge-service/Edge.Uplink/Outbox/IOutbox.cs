namespace Edge.Uplink.Outbox;

/// <summary>The durable queue between the alert pipeline and the broker. A message is on disk before
/// <see cref="Add"/> returns and leaves only through <see cref="Delete"/>, called after the broker's
/// PUBACK. Thread-safe: the pipeline adds while the uplink reads and deletes.</summary>
public interface IOutbox : IDisposable
{
    OutboxAddResult Add(OutboxItem item);

    /// <summary>Adds several messages in one durable commit (the cheap way under load).</summary>
    IReadOnlyList<OutboxAddResult> AddRange(IReadOnlyList<OutboxItem> items);

    /// <summary>Up to <paramref name="max"/> messages with a sequence above <paramref name="afterSequence"/>, oldest first.</summary>
    IReadOnlyList<OutboxRecord> Read(long afterSequence, int max);

    /// <summary>Removes a delivered message; deleting one already gone is not an error.</summary>
    void Delete(long sequence);

    OutboxStats Stats { get; }
}
