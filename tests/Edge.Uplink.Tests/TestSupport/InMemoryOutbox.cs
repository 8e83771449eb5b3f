using Edge.Uplink.Outbox;

namespace Edge.Uplink.Tests.TestSupport;

/// <summary>An <see cref="IOutbox"/> in memory for the uplink tests (no capacity limit, nothing
/// durable); the SQLite outbox replaces it in the integration tests once it lands.</summary>
public sealed class InMemoryOutbox : IOutbox
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, OutboxRecord> _records = [];
    private long _next;
    private long _added;
    private long _delivered;
    private long _bytes;

    public int DeleteCalls { get; private set; }

    public OutboxAddResult Add(OutboxItem item)
    {
        lock (_lock)
        {
            var sequence = ++_next;
            _records.Add(sequence, new OutboxRecord(sequence, item.Topic, item.Payload.ToArray(), item.Priority, item.MessageId));
            _added++;
            _bytes += item.Payload.Length;
            return new OutboxAddResult(true, sequence, 0);
        }
    }

    public IReadOnlyList<OutboxAddResult> AddRange(IReadOnlyList<OutboxItem> items) => items.Select(Add).ToList();

    public IReadOnlyList<OutboxRecord> Read(long afterSequence, int max)
    {
        lock (_lock)
        {
            var list = new List<OutboxRecord>(Math.Min(max, _records.Count));
            foreach (var (sequence, record) in _records)
            {
                if (sequence <= afterSequence)
                    continue;
                list.Add(record);
                if (list.Count == max)
                    break;
            }

            return list;
        }
    }

    public void Delete(long sequence)
    {
        lock (_lock)
        {
            DeleteCalls++;
            if (_records.Remove(sequence, out var record))
            {
                _delivered++;
                _bytes -= record.Payload.Length;
            }
        }
    }

    public bool Contains(long sequence)
    {
        lock (_lock)
            return _records.ContainsKey(sequence);
    }

    public OutboxStats Stats
    {
        get
        {
            lock (_lock)
                return new OutboxStats(_records.Count, _bytes, _added, _delivered, 0, 0, 0, 0, 0);
        }
    }

    public void Dispose()
    {
    }
}
