using System.Text;
using Microsoft.Data.Sqlite;

namespace Edge.Uplink.Tests.TestSupport;

/// <summary>An outbox file as schema version 1 wrote it (before delivered messages were kept).</summary>
public static class OutboxSchemaV1
{
    public static void Create(string path, IEnumerable<string> names, long delivered)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        var sql = new StringBuilder("""
            CREATE TABLE messages(seq INTEGER PRIMARY KEY AUTOINCREMENT, topic TEXT NOT NULL, payload BLOB NOT NULL,
                priority INTEGER NOT NULL, message_id TEXT, size INTEGER NOT NULL, added_at INTEGER NOT NULL);
            CREATE INDEX messages_drop ON messages(priority, seq);
            CREATE TABLE counters(id INTEGER PRIMARY KEY CHECK (id = 1), added INTEGER NOT NULL, delivered INTEGER NOT NULL,
                dropped_low INTEGER NOT NULL, dropped_medium INTEGER NOT NULL, dropped_high INTEGER NOT NULL, refused INTEGER NOT NULL);
            """);
        var count = 0;
        foreach (var name in names)
        {
            sql.Append($"INSERT INTO messages(topic, payload, priority, message_id, size, added_at) VALUES ('{OutboxItems.Topic}', X'{Convert.ToHexString(Encoding.UTF8.GetBytes(name))}', 1, '{name}', {OutboxItems.Size(name.Length)}, 0);");
            count++;
        }
        sql.Append($"INSERT INTO counters VALUES (1, {count + delivered}, {delivered}, 0, 0, 0, 0); PRAGMA user_version = 1;");
        command.CommandText = sql.ToString();
        command.ExecuteNonQuery();
    }

    public static int UserVersion(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
