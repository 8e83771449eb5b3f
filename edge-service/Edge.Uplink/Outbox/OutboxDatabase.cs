using Microsoft.Data.Sqlite;

namespace Edge.Uplink.Outbox;

/// <summary>Opens the outbox file: WAL, the chosen synchronous mode, an integrity check and the
/// migrations. Anything wrong with the file itself surfaces as an exception <see cref="IsUnusableFile"/> accepts.</summary>
internal static class OutboxDatabase
{
    public static SqliteConnection Open(string path, OutboxSynchronous synchronous)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // One long-lived connection; no pool that would keep the file open after Dispose.
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 5000");
            var mode = connection.CreateCommand();
            mode.CommandText = "PRAGMA journal_mode = WAL";
            if (!string.Equals(mode.ExecuteScalar() as string, "wal", StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException("the outbox file refused WAL journaling");
            mode.Dispose();
            Execute(connection, synchronous == OutboxSynchronous.Full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
            // Checkpoints keep the WAL near 4 MiB instead of its largest size so far.
            Execute(connection, "PRAGMA journal_size_limit = 4194304");
            using (var check = connection.CreateCommand())
            {
                check.CommandText = "PRAGMA quick_check(1)";
                var result = check.ExecuteScalar() as string;
                if (!string.Equals(result, "ok", StringComparison.Ordinal))
                    throw new InvalidDataException($"integrity check failed: {result}");
            }
            OutboxMigrations.Apply(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The file is damaged, not a database, of an unknown version or unreadable: moving it
    /// aside helps. Busy, full disk and out of memory are not the file's fault and are not accepted.</summary>
    public static bool IsUnusableFile(Exception e) => e switch
    {
        InvalidDataException => true,
        SqliteException s => (s.SqliteErrorCode & 0xff) is not (5 or 6 or 7 or 13),
        _ => false,
    };

    public static int Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
