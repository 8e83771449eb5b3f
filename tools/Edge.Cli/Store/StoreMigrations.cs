using System.Data.Common;
using System.Globalization;

namespace Edge.Cli.Store;

/// <summary>The incident store's schema, as numbered migrations applied in order, the same for SQLite
/// and PostgreSQL. All times are Unix milliseconds (UTC) in BIGINT columns, so both databases sort
/// and subtract them alike. Never edit a migration that shipped: add the next one.</summary>
public static class StoreMigrations
{
    public static IReadOnlyList<Func<StoreDialect, string>> All { get; } =
    [
        // 1: alerts (one row per alert id), the fleet's latest state, presence intervals, rejects, reports.
        d => $"""
            CREATE TABLE alerts (
                id TEXT PRIMARY KEY,
                agency TEXT NOT NULL,
                sensor TEXT NOT NULL,
                category TEXT NOT NULL,
                severity TEXT NOT NULL,
                rule_id TEXT NOT NULL,
                rule_name TEXT NOT NULL,
                indicator TEXT NOT NULL,
                kind TEXT NOT NULL,
                src_ip TEXT,
                src_port INTEGER,
                dst_ip TEXT,
                dst_port INTEGER,
                proto TEXT,
                qname TEXT,
                sni TEXT,
                http_host TEXT,
                intel_list TEXT,
                blocked INTEGER NOT NULL,
                first_seen BIGINT NOT NULL,
                last_seen BIGINT NOT NULL,
                count BIGINT NOT NULL,
                received_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                deliveries BIGINT NOT NULL,
                payload TEXT NOT NULL
            );
            CREATE INDEX alerts_first_seen ON alerts (first_seen);
            CREATE INDEX alerts_agency_first_seen ON alerts (agency, first_seen);
            CREATE TABLE sensors (
                agency TEXT NOT NULL,
                sensor TEXT NOT NULL,
                online INTEGER NOT NULL,
                state TEXT,
                version TEXT,
                intel_version TEXT,
                board TEXT,
                slot TEXT,
                rollback_version TEXT,
                started TEXT,
                status_at BIGINT,
                heartbeat_at BIGINT,
                uptime_seconds BIGINT,
                packets BIGINT,
                drops BIGINT,
                outbox_depth BIGINT,
                temperature {d.Double()},
                last_alert_at BIGINT,
                first_heard BIGINT NOT NULL,
                PRIMARY KEY (agency, sensor)
            );
            CREATE TABLE presence (
                agency TEXT NOT NULL,
                sensor TEXT NOT NULL,
                start_ms BIGINT NOT NULL,
                end_ms BIGINT NOT NULL,
                PRIMARY KEY (agency, sensor, start_ms)
            );
            CREATE TABLE rejects (
                {d.AutoId()},
                received_at BIGINT NOT NULL,
                topic TEXT NOT NULL,
                reason TEXT NOT NULL,
                payload {d.Blob()} NOT NULL
            );
            CREATE TABLE reports (
                {d.AutoId()},
                period_from BIGINT NOT NULL,
                period_to BIGINT NOT NULL,
                agency TEXT,
                format TEXT NOT NULL,
                generated_at BIGINT NOT NULL
            );
            """,
        // 2: reports. Every report query ranges over first_seen and reads only these columns, so both
        // databases answer from the index alone, never reading the alerts' payloads.
        _ => "CREATE INDEX alerts_report ON alerts (first_seen, agency, category, indicator, src_ip, count)",
    ];

    /// <summary>Brings the schema up to date in one transaction. Two collectors starting together
    /// serialise on a lock (PostgreSQL advisory lock; SQLite's write lock), so each migration runs once.</summary>
    /// <exception cref="InvalidDataException">The database is newer than this edgectl.</exception>
    public static int Apply(DbConnection connection, StoreDialect dialect)
    {
        // Microsoft.Data.Sqlite begins IMMEDIATE (the write lock at once); PostgreSQL takes an advisory lock.
        using var transaction = connection.BeginTransaction();
        if (dialect == StoreDialect.Postgres)
            Execute(connection, transaction, "SELECT pg_advisory_xact_lock(7746391)");
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
        var current = CurrentVersion(connection, transaction);
        if (current > All.Count)
            throw new InvalidDataException($"the incident store is at schema version {current}, newer than this edgectl knows ({All.Count}): use a newer edgectl");
        for (var version = current + 1; version <= All.Count; version++)
        {
            Execute(connection, transaction, All[version - 1](dialect));
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @t)";
            Parameters.Add(record, "@v", version);
            Parameters.Add(record, "@t", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            record.ExecuteNonQuery();
        }
        transaction.Commit();
        return All.Count;
    }

    private static int CurrentVersion(DbConnection connection, DbTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
