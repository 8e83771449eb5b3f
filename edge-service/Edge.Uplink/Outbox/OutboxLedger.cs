using Microsoft.Data.Sqlite;

namespace Edge.Uplink.Outbox;

/// <summary>What the outbox holds per priority and its lifetime counters, kept in memory beside the
/// database (read once at open) so a drop decision and <see cref="IOutbox.Stats"/> cost no query.
/// A value type: a transaction works on a copy, which replaces the original only after the commit.</summary>
internal struct OutboxLedger
{
    private const int Priorities = 4;

    private Counts _counts;
    private Counts _bytes;
    private Counts _keptCounts;
    private Counts _keptBytes;

    /// <summary>Unix ms when the oldest kept message was delivered; 0 when none is kept.</summary>
    public long OldestKeptAt;

    public long Added;
    public long Delivered;
    public long DroppedLow;
    public long DroppedMedium;
    public long DroppedHigh;
    public long Refused;

    public readonly long Depth => _counts[0] + _counts[1] + _counts[2] + _counts[3];

    public readonly long Bytes => _bytes[0] + _bytes[1] + _bytes[2] + _bytes[3];

    public readonly long Kept => _keptCounts[0] + _keptCounts[1] + _keptCounts[2] + _keptCounts[3];

    public readonly long KeptBytes => _keptBytes[0] + _keptBytes[1] + _keptBytes[2] + _keptBytes[3];

    /// <summary>Messages and bytes that could be dropped for a message of <paramref name="priority"/>:
    /// those of its priority and below, never critical ones.</summary>
    public readonly (long Count, long Bytes) Droppable(OutboxPriority priority)
    {
        long count = 0, bytes = 0;
        for (var p = 0; p <= Math.Min((int)priority, (int)OutboxPriority.High); p++)
        {
            count += _counts[p];
            bytes += _bytes[p];
        }
        return (count, bytes);
    }

    public void Stored(OutboxPriority priority, long size)
    {
        _counts[(int)priority]++;
        _bytes[(int)priority] += size;
        Added++;
    }

    public void Removed(OutboxPriority priority, long size, bool delivered)
    {
        _counts[(int)priority]--;
        _bytes[(int)priority] -= size;
        if (delivered)
            Delivered++;
        else if (priority == OutboxPriority.Low)
            DroppedLow++;
        else if (priority == OutboxPriority.Medium)
            DroppedMedium++;
        else
            DroppedHigh++;
    }

    /// <summary>A pending message was delivered and is kept for the redelivery window.</summary>
    public void MarkedDelivered(OutboxPriority priority, long size, long at)
    {
        _counts[(int)priority]--;
        _bytes[(int)priority] -= size;
        _keptCounts[(int)priority]++;
        _keptBytes[(int)priority] += size;
        Delivered++;
        if (OldestKeptAt == 0)
            OldestKeptAt = at;
    }

    /// <summary>A kept message left (its window passed, or it made room); it was already counted as delivered.</summary>
    public void KeptRemoved(OutboxPriority priority, long size)
    {
        _keptCounts[(int)priority]--;
        _keptBytes[(int)priority] -= size;
    }

    /// <summary>A kept message is pending again: no longer counted as delivered.</summary>
    public void Redelivered(OutboxPriority priority, long size)
    {
        KeptRemoved(priority, size);
        _counts[(int)priority]++;
        _bytes[(int)priority] += size;
        Delivered--;
    }

    public readonly OutboxStats Stats => new(Depth, Bytes, Added, Delivered, DroppedLow + DroppedMedium + DroppedHigh,
        DroppedLow, DroppedMedium, DroppedHigh, Refused, Kept, KeptBytes);

    public static OutboxLedger Load(SqliteConnection connection)
    {
        var ledger = new OutboxLedger();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT priority, delivered_at IS NOT NULL, COUNT(*), TOTAL(size) FROM messages GROUP BY 1, 2";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var priority = reader.GetInt32(0);
                if (priority is < 0 or >= Priorities)
                    throw new InvalidDataException($"outbox message with unknown priority {priority}");
                if (reader.GetBoolean(1))
                {
                    ledger._keptCounts[priority] = reader.GetInt64(2);
                    ledger._keptBytes[priority] = (long)reader.GetDouble(3);
                }
                else
                {
                    ledger._counts[priority] = reader.GetInt64(2);
                    ledger._bytes[priority] = (long)reader.GetDouble(3);
                }
            }
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT added, delivered, dropped_low, dropped_medium, dropped_high, refused FROM counters WHERE id = 1";
            using var reader = command.ExecuteReader();
            if (!reader.Read())
                throw new InvalidDataException("outbox counters row is missing");
            ledger.Added = reader.GetInt64(0);
            ledger.Delivered = reader.GetInt64(1);
            ledger.DroppedLow = reader.GetInt64(2);
            ledger.DroppedMedium = reader.GetInt64(3);
            ledger.DroppedHigh = reader.GetInt64(4);
            ledger.Refused = reader.GetInt64(5);
        }
        ledger.OldestKeptAt = OutboxStatements.OldestKept(connection);
        return ledger;
    }

    [System.Runtime.CompilerServices.InlineArray(Priorities)]
    private struct Counts
    {
        private long _element;
    }
}
