using Microsoft.Data.Sqlite;

namespace Edge.Uplink.Outbox;

/// <summary>The outbox schema, one step per <c>PRAGMA user_version</c>. Add a step, never edit one.</summary>
internal static class OutboxMigrations
{
    private static readonly string[] s_steps =
    [
        // 1: messages in sequence order (AUTOINCREMENT: a sequence is never reused, even after the
        // newest message is deleted, so a reader's cursor stays valid), the drop index, and the
        // counters row that survives restarts.
        """
        CREATE TABLE messages(
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            topic TEXT NOT NULL,
            payload BLOB NOT NULL,
            priority INTEGER NOT NULL,
            message_id TEXT,
            size INTEGER NOT NULL,
            added_at INTEGER NOT NULL);
        CREATE INDEX messages_drop ON messages(priority, seq);
        CREATE TABLE counters(
            id INTEGER PRIMARY KEY CHECK (id = 1),
            added INTEGER NOT NULL,
            delivered INTEGER NOT NULL,
            dropped_low INTEGER NOT NULL,
            dropped_medium INTEGER NOT NULL,
            dropped_high INTEGER NOT NULL,
            refused INTEGER NOT NULL);
        INSERT INTO counters VALUES (1, 0, 0, 0, 0, 0, 0);
        """,
        // 2: a delivered message is kept for the redelivery window (delivered_at set, in Unix ms)
        // instead of deleted, so it can be sent again to a broker that lost it.
        """
        ALTER TABLE messages ADD COLUMN delivered_at INTEGER;
        CREATE INDEX messages_kept ON messages(delivered_at) WHERE delivered_at IS NOT NULL;
        """,
    ];

    public static int Latest => s_steps.Length;

    /// <summary>Brings the database to <see cref="Latest"/>; a newer file than this code knows is refused.</summary>
    public static void Apply(SqliteConnection connection)
    {
        var version = OutboxDatabase.Scalar(connection, "PRAGMA user_version");
        if (version > Latest)
            throw new InvalidDataException($"outbox schema version {version} is newer than this build knows ({Latest})");
        for (var step = version; step < Latest; step++)
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = s_steps[step] + $";PRAGMA user_version = {step + 1};";
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }
}
