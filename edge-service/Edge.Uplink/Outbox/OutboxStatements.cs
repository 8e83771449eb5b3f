using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Edge.Uplink.Outbox;

/// <summary>The outbox's SQL, each command made once and reused (SQLite keeps it prepared).
/// Not thread-safe: <see cref="SqliteOutbox"/> calls it under its lock.</summary>
internal sealed class OutboxStatements : IDisposable
{
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _dropOldest;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _read;
    private readonly SqliteCommand _saveCounters;
    private readonly SqliteCommand _markDelivered;
    private readonly SqliteCommand _purgeKept;
    private readonly SqliteCommand _dropOldestKept;
    private readonly SqliteCommand _redeliver;
    private readonly SqliteCommand _oldestKept;

    public OutboxStatements(SqliteConnection connection)
    {
        // BEGIN IMMEDIATE takes the write lock at once: no upgrade from a read lock that could fail.
        _begin = Command(connection, "BEGIN IMMEDIATE");
        _commit = Command(connection, "COMMIT");
        _rollback = Command(connection, "ROLLBACK");
        _insert = Command(connection,
            "INSERT INTO messages(topic, payload, priority, message_id, size, added_at) VALUES ($topic, $payload, $priority, $id, $size, $at) RETURNING seq",
            "$topic", "$payload", "$priority", "$id", "$size", "$at");
        _dropOldest = Command(connection,
            "DELETE FROM messages WHERE seq = (SELECT seq FROM messages WHERE priority <= $max AND delivered_at IS NULL ORDER BY priority, seq LIMIT 1) RETURNING priority, size",
            "$max");
        _delete = Command(connection, "DELETE FROM messages WHERE seq = $seq RETURNING priority, size", "$seq");
        _read = Command(connection,
            "SELECT seq, topic, payload, priority, message_id FROM messages WHERE seq > $after AND delivered_at IS NULL ORDER BY seq LIMIT $max",
            "$after", "$max");
        _saveCounters = Command(connection,
            "UPDATE counters SET added = $added, delivered = $delivered, dropped_low = $low, dropped_medium = $medium, dropped_high = $high, refused = $refused WHERE id = 1",
            "$added", "$delivered", "$low", "$medium", "$high", "$refused");
        _markDelivered = Command(connection,
            "UPDATE messages SET delivered_at = $at WHERE seq = $seq AND delivered_at IS NULL RETURNING priority, size", "$seq", "$at");
        _purgeKept = Command(connection,
            "DELETE FROM messages WHERE delivered_at IS NOT NULL AND delivered_at <= $cutoff RETURNING priority, size", "$cutoff");
        _dropOldestKept = Command(connection,
            "DELETE FROM messages WHERE seq = (SELECT seq FROM messages WHERE delivered_at IS NOT NULL ORDER BY delivered_at, seq LIMIT 1) RETURNING priority, size");
        _redeliver = Command(connection,
            "UPDATE messages SET delivered_at = NULL WHERE delivered_at IS NOT NULL RETURNING priority, size");
        _oldestKept = Command(connection, OldestKeptSql);
    }

    private const string OldestKeptSql = "SELECT MIN(delivered_at) FROM messages WHERE delivered_at IS NOT NULL";

    /// <summary>Unix ms when the oldest kept message was delivered, 0 when none is kept.</summary>
    public static long OldestKept(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = OldestKeptSql;
        return command.ExecuteScalar() is long at ? at : 0;
    }

    public long OldestKept() => _oldestKept.ExecuteScalar() is long at ? at : 0;

    /// <summary>Marks a pending message delivered at <paramref name="atMillis"/>; false if it is not pending.</summary>
    public bool TryMarkDelivered(long sequence, long atMillis, out OutboxPriority priority, out long size)
    {
        _markDelivered.Parameters[0].Value = sequence;
        _markDelivered.Parameters[1].Value = atMillis;
        return Removed(_markDelivered, out priority, out size);
    }

    /// <summary>Deletes kept messages delivered at or before <paramref name="cutoffMillis"/>.</summary>
    public List<(OutboxPriority Priority, long Size)> PurgeKept(long cutoffMillis)
    {
        _purgeKept.Parameters[0].Value = cutoffMillis;
        return Rows(_purgeKept);
    }

    /// <summary>Deletes the kept message delivered first.</summary>
    public bool TryDropOldestKept(out OutboxPriority priority, out long size) => Removed(_dropOldestKept, out priority, out size);

    /// <summary>Makes every kept message pending again.</summary>
    public List<(OutboxPriority Priority, long Size)> Redeliver() => Rows(_redeliver);

    private static List<(OutboxPriority, long)> Rows(SqliteCommand command)
    {
        var rows = new List<(OutboxPriority, long)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            rows.Add(((OutboxPriority)reader.GetInt32(0), reader.GetInt64(1)));
        return rows;
    }

    public void Begin() => _begin.ExecuteNonQuery();

    public void Commit() => _commit.ExecuteNonQuery();

    public void Rollback() => _rollback.ExecuteNonQuery();

    public long Insert(in OutboxItem item, long size, long addedAtMillis)
    {
        var p = _insert.Parameters;
        p[0].Value = item.Topic;
        p[1].Value = Bytes(item.Payload);
        p[2].Value = (int)item.Priority;
        p[3].Value = (object?)item.MessageId ?? DBNull.Value;
        p[4].Value = size;
        p[5].Value = addedAtMillis;
        return (long)_insert.ExecuteScalar()!;
    }

    /// <summary>Deletes the oldest message of the lowest priority up to <paramref name="max"/>.</summary>
    public bool TryDropOldest(OutboxPriority max, out OutboxPriority priority, out long size)
    {
        _dropOldest.Parameters[0].Value = (int)max;
        return Removed(_dropOldest, out priority, out size);
    }

    public bool TryDelete(long sequence, out OutboxPriority priority, out long size)
    {
        _delete.Parameters[0].Value = sequence;
        return Removed(_delete, out priority, out size);
    }

    public List<OutboxRecord> Read(long afterSequence, int max)
    {
        _read.Parameters[0].Value = afterSequence;
        _read.Parameters[1].Value = max;
        var records = new List<OutboxRecord>(Math.Min(max, 256));
        using var reader = _read.ExecuteReader();
        while (reader.Read())
        {
            records.Add(new OutboxRecord(reader.GetInt64(0), reader.GetString(1), (byte[])reader.GetValue(2),
                (OutboxPriority)reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return records;
    }

    public void SaveCounters(in OutboxLedger ledger)
    {
        var p = _saveCounters.Parameters;
        p[0].Value = ledger.Added;
        p[1].Value = ledger.Delivered;
        p[2].Value = ledger.DroppedLow;
        p[3].Value = ledger.DroppedMedium;
        p[4].Value = ledger.DroppedHigh;
        p[5].Value = ledger.Refused;
        _saveCounters.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in (SqliteCommand[])[_begin, _commit, _rollback, _insert, _dropOldest, _delete, _read, _saveCounters,
                     _markDelivered, _purgeKept, _dropOldestKept, _redeliver, _oldestKept])
            command.Dispose();
    }

    private static bool Removed(SqliteCommand command, out OutboxPriority priority, out long size)
    {
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            priority = default;
            size = 0;
            return false;
        }
        priority = (OutboxPriority)reader.GetInt32(0);
        size = reader.GetInt64(1);
        return true;
    }

    private static byte[] Bytes(ReadOnlyMemory<byte> payload) =>
        MemoryMarshal.TryGetArray(payload, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : payload.ToArray();

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }
}
