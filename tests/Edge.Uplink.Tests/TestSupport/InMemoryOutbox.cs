using Edge.Uplink.Outbox;

namespace Edge.Uplink.Tests.TestSupport;

/// <summary>An <see cref="IOutbox"/> in memory for the uplink tests (no capacity limit, nothing
/// durable), with the SQLite outbox's delivery semantics: a deleted message is kept (not read, not in
/// the depth) for <c>redeliveryWindow</c> on the <see cref="TimeProvider"/>, and <see cref="Redeliver"/>
/// makes the kept ones pending again. The default window, zero, deletes at once.</summary>
public sealed class InMemoryOutbox(TimeProvider? time = null, TimeSpan redeliveryWindow = default) : IOutbox
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SortedDictionary<long, OutboxRecord> _records = [];
    private readonly SortedDictionary<long, OutboxRecord> _kept = [];
    private readonly Queue<(long Sequence, DateTimeOffset At)> _keptByTime = new();
    private long _next;
    private long _added;
    private long _delivered;
    private long _bytes;
    private long _keptBytes;

    public int DeleteCalls { get; private set; }

    public int RedeliverCalls { get; private set; }

    public OutboxAddResult Add(OutboxItem item)
    {
        lock (_lock)
        {
            Purge();
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
                if (redeliveryWindow > TimeSpan.Zero)
                {
                    _kept.Add(sequence, record);
                    _keptByTime.Enqueue((sequence, _time.GetUtcNow()));
                    _keptBytes += record.Payload.Length;
                }
            }

            Purge();
        }
    }

    public int Redeliver()
    {
        lock (_lock)
        {
            RedeliverCalls++;
            Purge();
            foreach (var (sequence, record) in _kept)
            {
                _records.Add(sequence, record);
                _bytes += record.Payload.Length;
                _delivered--;
            }

            var count = _kept.Count;
            _kept.Clear();
            _keptByTime.Clear();
            _keptBytes = 0;
            return count;
        }
    }

    /// <summary>Whether the message is still to be sent (kept ones are not).</summary>
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
            {
                Purge();
                return new OutboxStats(_records.Count, _bytes, _added, _delivered, 0, 0, 0, 0, 0, _kept.Count, _keptBytes);
            }
        }
    }

    public void Dispose()
    {
    }

    private void Purge()
    {
        var cutoff = _time.GetUtcNow() - redeliveryWindow;
        while (_keptByTime.TryPeek(out var oldest) && oldest.At <= cutoff)
        {
            _keptByTime.Dequeue();
            if (_kept.Remove(oldest.Sequence, out var record))
                _keptBytes -= record.Payload.Length;
        }
    }
}
