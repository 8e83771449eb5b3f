using System.Text;
using Microsoft.Data.Sqlite;

namespace Edge.Uplink.Outbox;

/// <summary>The outbox in one SQLite file (WAL). Every Add, AddRange and Redeliver is one transaction,
/// committed (with <see cref="OutboxSynchronous.Full"/>: fsynced) before it returns, counters
/// included. One connection behind one lock: SQLite writes one transaction at a time anyway, and the
/// in-memory totals change only with the commit that made them true. A file that cannot be used is
/// moved aside and a fresh one started (<see cref="Recovery"/>). Deliveries are batched
/// (<see cref="DeleteBatch"/>); a delivered message is kept for
/// <see cref="OutboxOptions.RedeliveryWindowSeconds"/> and purged by a later transaction.</summary>
public sealed class SqliteOutbox : IOutbox
{
    private readonly Lock _gate = new();
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly SqliteConnection _connection;
    private readonly OutboxStatements _sql;
    private readonly List<long> _pendingDeletes = [];
    private OutboxLedger _ledger;
    private bool _disposed;

    /// <summary>Deliveries gathered before they are written in one transaction. At Full, one
    /// transaction per PUBACK would cost an fsync each; a delivery lost to a crash only means that
    /// message is sent again (consumers dedupe by id), so deletes need not be durable one by one.</summary>
    public const int DeleteBatch = 64;

    public SqliteOutbox(OutboxOptions options, TimeProvider? time = null)
    {
        options.Validate();
        _options = options with { };
        _time = time ?? TimeProvider.System;
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(options.Path));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        (_connection, _ledger, Recovery) = OpenOrRecover();
        _sql = new OutboxStatements(_connection);
    }

    /// <summary>Set when the file found at start could not be used and was moved aside.</summary>
    public OutboxRecovery? Recovery { get; }

    public string Path => _options.Path;

    public OutboxStats Stats
    {
        get
        {
            lock (_gate)
            {
                if (!_disposed && (_pendingDeletes.Count > 0 || PurgeDue()))
                    FlushDeletes();
                return _ledger.Stats;
            }
        }
    }

    public OutboxAddResult Add(OutboxItem item)
    {
        lock (_gate)
        {
            var ledger = Begin();
            try
            {
                ApplyDeletes(ref ledger);
                var result = Store(item, Now(), ref ledger);
                Commit(ledger);
                return result;
            }
            catch
            {
                Rollback();
                throw;
            }
        }
    }

    public IReadOnlyList<OutboxAddResult> AddRange(IReadOnlyList<OutboxItem> items)
    {
        if (items.Count == 0)
            return [];
        lock (_gate)
        {
            var ledger = Begin();
            try
            {
                ApplyDeletes(ref ledger);
                var now = Now();
                var results = new OutboxAddResult[items.Count];
                for (var i = 0; i < results.Length; i++)
                    results[i] = Store(items[i], now, ref ledger);
                Commit(ledger);
                return results;
            }
            catch
            {
                Rollback();
                throw;
            }
        }
    }

    public IReadOnlyList<OutboxRecord> Read(long afterSequence, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // A reader starting over (after a reconnect) must not get back what was delivered.
            FlushDeletes();
            return max == 0 ? [] : _sql.Read(afterSequence, max);
        }
    }

    /// <summary>Marks a message delivered; that is written with the next write, read or
    /// <see cref="DeleteBatch"/> deliveries, whichever comes first. It is then kept for the
    /// redelivery window (or removed at once when the window is 0).</summary>
    public void Delete(long sequence)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _pendingDeletes.Add(sequence);
            if (_pendingDeletes.Count >= DeleteBatch)
                FlushDeletes();
        }
    }

    public int Redeliver()
    {
        lock (_gate)
        {
            var ledger = Begin();
            try
            {
                ApplyDeletes(ref ledger);
                var rows = ledger.Kept == 0 ? [] : _sql.Redeliver();
                foreach (var (priority, size) in rows)
                    ledger.Redelivered(priority, size);
                ledger.OldestKeptAt = 0;
                if (rows.Count > 0)
                    _sql.SaveCounters(ledger);
                Commit(ledger);
                return rows.Count;
            }
            catch
            {
                Rollback();
                throw;
            }
        }
    }

    private long WindowMillis => _options.RedeliveryWindowSeconds * 1000L;

    private bool PurgeDue() => _ledger.OldestKeptAt != 0 && _ledger.OldestKeptAt <= Now() - WindowMillis;

    private void FlushDeletes()
    {
        if (_pendingDeletes.Count == 0 && !PurgeDue())
            return;
        var ledger = Begin();
        try
        {
            ApplyDeletes(ref ledger);
            Commit(ledger);
        }
        catch
        {
            Rollback();
            throw;
        }
    }

    /// <summary>Inside an open transaction; the pending list is emptied by <see cref="Commit"/>.</summary>
    private void ApplyDeletes(ref OutboxLedger ledger)
    {
        var changed = false;
        var now = Now();
        foreach (var sequence in _pendingDeletes)
        {
            if (WindowMillis == 0)
            {
                if (_sql.TryDelete(sequence, out var priority, out var size))
                {
                    ledger.Removed(priority, size, delivered: true);
                    changed = true;
                }
            }
            else if (_sql.TryMarkDelivered(sequence, now, out var priority, out var size))
            {
                ledger.MarkedDelivered(priority, size, now);
                changed = true;
            }
        }
        if (ledger.OldestKeptAt != 0 && ledger.OldestKeptAt <= now - WindowMillis)
        {
            foreach (var (priority, size) in _sql.PurgeKept(now - WindowMillis))
                ledger.KeptRemoved(priority, size);
            ledger.OldestKeptAt = ledger.Kept == 0 ? 0 : _sql.OldestKept();
        }
        if (changed)
            _sql.SaveCounters(ledger);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            try
            {
                FlushDeletes();
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // Not written: those messages are sent again after the restart.
            }
            _disposed = true;
            _sql.Dispose();
            _connection.Dispose();
        }
    }

    /// <summary>Starts a write transaction and returns a copy of the ledger for it to change; the copy
    /// becomes the ledger only in <see cref="Commit"/>, once SQLite has committed.</summary>
    private OutboxLedger Begin()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _sql.Begin();
        return _ledger;
    }

    private void Commit(in OutboxLedger ledger)
    {
        _sql.Commit();
        _ledger = ledger;
        _pendingDeletes.Clear();
    }

    /// <summary>After a failure: SQLite may already have rolled back (a failed COMMIT, a full disk).</summary>
    private void Rollback()
    {
        if (SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0)
            _sql.Rollback();
    }

    private OutboxAddResult Store(in OutboxItem item, long now, ref OutboxLedger ledger)
    {
        var size = item.Payload.Length + (long)Encoding.UTF8.GetByteCount(item.Topic);
        if (!OutboxDropPolicy.TryMakeRoom(_options, item.Priority, size, ref ledger, _sql, out var dropped))
        {
            ledger.Refused++;
            _sql.SaveCounters(ledger);
            return new OutboxAddResult(false, 0, dropped);
        }
        var sequence = _sql.Insert(item, size, now);
        ledger.Stored(item.Priority, size);
        _sql.SaveCounters(ledger);
        return new OutboxAddResult(true, sequence, dropped);
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private (SqliteConnection, OutboxLedger, OutboxRecovery?) OpenOrRecover()
    {
        try
        {
            return Open();
        }
        catch (Exception e) when (OutboxDatabase.IsUnusableFile(e))
        {
            var movedTo = OutboxQuarantine.MoveAside(_options.Path, _time);
            var (connection, ledger, _) = Open();
            return (connection, ledger, new OutboxRecovery(movedTo, e.Message));
        }
    }

    private (SqliteConnection, OutboxLedger, OutboxRecovery?) Open()
    {
        var connection = OutboxDatabase.Open(_options.Path, _options.Synchronous);
        try
        {
            return (connection, OutboxLedger.Load(connection), null);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
