using System.Data;
using System.Data.Common;
using System.Globalization;
using Edge.Cli.Store;
using Microsoft.Data.Sqlite;

namespace Edge.Cli.Reports;

/// <summary>Reads one report's figures from the incident store with a few aggregate queries, all in
/// one read snapshot so a collector writing meanwhile cannot make the tables disagree. Every query
/// ranges over <c>first_seen</c> and reads only the columns of the covering index of migration 2,
/// so neither database touches the alerts' payloads. Ties sort by byte order in both databases.</summary>
public sealed class ReportReader(IncidentStore store)
{
    private const long DayMs = 86_400_000;

    /// <param name="details">False for the figures alone (csv): no top lists, trend days or presence.</param>
    public ReportData Read(ReportPeriod period, string? agency, int top, bool details = true)
    {
        ArgumentNullException.ThrowIfNull(period);
        using var connection = store.OpenConnection();
        using var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : connection.BeginTransaction(IsolationLevel.RepeatableRead);
        var query = new Query(connection, transaction, period, agency, top, store.Dialect);
        var data = new ReportData();
        ReadFigures(query, data);
        if (details)
        {
            ReadTops(query, data);
            query.Each($"SELECT agency, category, (first_seen + @offset) / {DayMs} AS day, COUNT(*) FROM alerts WHERE {query.Traffic} GROUP BY agency, category, day",
                r => data.Days.Add(new DayCount(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3))));
        }
        query.Each($"SELECT agency, sensor, first_seen, severity, rule_name, indicator FROM alerts WHERE {query.InPeriod} AND category = '{ReportCategories.Sensor}' ORDER BY first_seen, id",
            r => data.SensorEvents.Add(new SensorEvent(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetString(4), r.GetString(5))));
        ReadSensors(query, data, details);
        transaction.Commit();
        return data;
    }

    private static void ReadFigures(Query query, ReportData data)
    {
        var connections = new Dictionary<(string, string), long>();
        // A connection: one (internal host, indicator, local day) of the alert's first sighting.
        query.Each($"""
            SELECT agency, category, COUNT(*) FROM (
                SELECT DISTINCT agency, category, src_ip, indicator, (first_seen + @offset) / {DayMs} AS day
                FROM alerts WHERE {query.Traffic}) t
            GROUP BY agency, category
            """,
            r => connections[(r.GetString(0), r.GetString(1))] = r.GetInt64(2));
        query.Each($"""
            SELECT agency, category, COUNT(*), COUNT(DISTINCT indicator), COUNT(DISTINCT src_ip), SUM(count)
            FROM alerts WHERE {query.Traffic} GROUP BY agency, category
            """,
            r => data.Figures.Add(new CategoryFigures(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4),
                connections.GetValueOrDefault((r.GetString(0), r.GetString(1))), Convert.ToInt64(r.GetValue(5), CultureInfo.InvariantCulture))));
        query.Each($"SELECT category, COUNT(DISTINCT indicator) FROM alerts WHERE {query.Traffic} GROUP BY category",
            r => data.ProvinceIndicators[r.GetString(0)] = r.GetInt64(1));
    }

    private static void ReadTops(Query query, ReportData data)
    {
        foreach (var (value, other, into) in new[] { ("indicator", "src_ip", data.TopIndicators), ("src_ip", "indicator", data.TopHosts) })
        {
            query.Each($"""
                SELECT agency, category, v, alerts, others FROM (
                    SELECT agency, category, {value} AS v, COUNT(*) AS alerts, COUNT(DISTINCT {other}) AS others,
                        ROW_NUMBER() OVER (PARTITION BY agency, category ORDER BY COUNT(*) DESC, {value} {query.ByteOrder}) AS place
                    FROM alerts WHERE {query.Traffic} GROUP BY agency, category, {value}) t
                WHERE place <= @top
                """,
                r => into.Add(new TopEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4))));
        }
    }

    private static void ReadSensors(Query query, ReportData data, bool presence)
    {
        query.Each($"""
            SELECT s.agency, s.sensor, s.first_heard,
                (SELECT MIN(p.start_ms) FROM presence p WHERE p.agency = s.agency AND p.sensor = s.sensor)
            FROM sensors s {(query.Agency is null ? "" : "WHERE s.agency = @agency")}
            """,
            r => data.Sensors.Add(new KnownSensor(r.GetString(0), r.GetString(1),
                r.IsDBNull(3) ? r.GetInt64(2) : Math.Min(r.GetInt64(2), r.GetInt64(3)))));
        if (!presence)
            return;
        query.Each($"""
            SELECT agency, sensor, start_ms, end_ms FROM presence
            WHERE end_ms > @from AND start_ms < @to {(query.Agency is null ? "" : "AND agency = @agency")}
            """,
            r => data.Presence.Add(new PresenceInterval(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3))));
    }

    private sealed class Query(DbConnection connection, DbTransaction transaction, ReportPeriod period, string? agency, int top, StoreDialect dialect)
    {
        public string? Agency => agency;

        public string InPeriod => "first_seen >= @from AND first_seen < @to" + (agency is null ? "" : " AND agency = @agency");

        /// <summary>Alerts about traffic: everything but the sensor's own events.</summary>
        public string Traffic => $"{InPeriod} AND category <> '{ReportCategories.Sensor}'";

        /// <summary>Byte order in both (PostgreSQL's default collation may be a language's).</summary>
        public string ByteOrder => dialect == StoreDialect.Postgres ? "COLLATE \"C\"" : "COLLATE BINARY";

        public void Each(string sql, Action<DbDataReader> row)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.CommandTimeout = 0;
            // Only the parameters the statement names: PostgreSQL cannot type one it never sees.
            foreach (var (name, value) in new (string, object?)[] { ("@from", period.FromMs), ("@to", period.ToMs),
                ("@offset", (long)period.Offset.TotalMilliseconds), ("@top", (long)top), ("@agency", agency) })
            {
                if (sql.Contains(name, StringComparison.Ordinal))
                    Parameters.Add(command, name, value);
            }
            using var reader = command.ExecuteReader();
            while (reader.Read())
                row(reader);
        }
    }
}
