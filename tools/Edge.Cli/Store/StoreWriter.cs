using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Edge.Cli.Store;

/// <summary>Writes batches into the store, each in one transaction, idempotently: an alert id is one
/// row whatever the number of deliveries (the highest count, the earliest first-seen and the latest
/// last-seen win), so duplicates, broker re-deliveries and a sensor's retries never double a figure.
/// One writer per connection; not thread-safe.</summary>
public sealed class StoreWriter : IDisposable
{
    /// <summary>Heartbeats closer than this extend the sensor's current presence interval.</summary>
    public static readonly TimeSpan DefaultPresenceGap = TimeSpan.FromSeconds(150);

    /// <summary>Rows per PostgreSQL INSERT: <see cref="AlertValueCount"/> parameters each, far under its 65,535.</summary>
    private const int PostgresInsertRows = 500;

    /// <summary>Sensors per upsert of a batch's alert senders: 4 parameters each.</summary>
    private const int SensorRows = 200;

    /// <summary>The values bound per alert row (<see cref="BindAlert"/>).</summary>
    private const int AlertValueCount = 24;

    private readonly DbConnection _connection;
    private readonly StoreDialect _dialect;
    private readonly long _presenceGapMs;

    public StoreWriter(IncidentStore store, TimeSpan? presenceGap = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _connection = store.OpenConnection();
        _dialect = store.Dialect;
        _presenceGapMs = (long)(presenceGap ?? DefaultPresenceGap).TotalMilliseconds;
    }

    public StoreResult Write(IncomingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var transaction = _connection.BeginTransaction();
        var inserted = InsertAlerts(transaction, batch.Alerts);
        var fresh = 0;
        var repeats = new List<IncomingAlert>();
        foreach (var alert in batch.Alerts)
        {
            // The first delivery of an id the insert took is new; any other updates the row.
            if (inserted.Remove(alert.Message.Id))
                fresh++;
            else
                repeats.Add(alert);
        }
        UpdateAlerts(transaction, repeats);
        var repeated = repeats.Count;
        UpsertAlertSensors(transaction, AlertsBySensor(batch.Alerts));
        foreach (var status in batch.Statuses)
            WriteStatus(transaction, status);
        foreach (var heartbeat in batch.Heartbeats)
            WriteHeartbeat(transaction, heartbeat);
        foreach (var reject in batch.Rejects)
            Execute(transaction, "INSERT INTO rejects (received_at, topic, reason, payload) VALUES (@t, @topic, @reason, @payload)",
                ("@t", reject.ReceivedAtMs), ("@topic", reject.Topic), ("@reason", reject.Reason), ("@payload", reject.Payload));
        transaction.Commit();
        return new StoreResult(fresh, repeated, batch.Statuses.Count, batch.Heartbeats.Count, batch.Rejects.Count);
    }

    /// <summary>Inserts the alerts whose id is not stored yet and returns the ids it inserted; within
    /// one statement the first of two rows with the same id wins, as one at a time did. PostgreSQL
    /// pays a round trip per statement (one per alert held it to about 3,000 alerts/s), so it gets
    /// many rows in each; SQLite runs in process and finds named parameters by a linear search, so it
    /// gets one prepared row statement, reused.</summary>
    private HashSet<string> InsertAlerts(DbTransaction transaction, List<IncomingAlert> alerts)
    {
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        var rowsPerStatement = _dialect == StoreDialect.Postgres ? PostgresInsertRows : 1;
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < alerts.Count; start += rowsPerStatement)
            {
                var rows = Math.Min(rowsPerStatement, alerts.Count - start);
                if (command is null || command.Parameters.Count != rows * AlertValueCount)
                {
                    command?.Dispose();
                    command = InsertCommand(transaction, rows);
                }
                for (var row = 0; row < rows; row++)
                    BindAlert(command, row * AlertValueCount, alerts[start + row]);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                    inserted.Add(reader.GetString(0));
            }
        }
        finally
        {
            command?.Dispose();
        }
        return inserted;
    }

    private DbCommand InsertCommand(DbTransaction transaction, int rows)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("""
            INSERT INTO alerts (id, agency, sensor, category, severity, rule_id, rule_name, indicator, kind,
                src_ip, src_port, dst_ip, dst_port, proto, qname, sni, http_host, intel_list, blocked,
                first_seen, last_seen, count, received_at, updated_at, deliveries, payload)
            VALUES
            """);
        var names = new string[AlertValueCount];
        for (var row = 0; row < rows; row++)
        {
            for (var i = 0; i < AlertValueCount; i++)
            {
                names[i] = "@p" + (row * AlertValueCount + i).ToString(CultureInfo.InvariantCulture);
                Parameters.Add(command, names[i], null);
            }
            // … received_at, updated_at (received_at too), deliveries (1), payload.
            sql.Append(row == 0 ? "\n(" : ",\n(").AppendJoin(", ", names[..^1])
                .Append(", ").Append(names[^2]).Append(", 1, ").Append(names[^1]).Append(')');
        }
        command.CommandText = sql.Append("\nON CONFLICT (id) DO NOTHING RETURNING id").ToString();
        return command;
    }

    /// <summary>Sets one row's <see cref="AlertValueCount"/> parameters, from <paramref name="first"/> on.</summary>
    private static void BindAlert(DbCommand command, int first, IncomingAlert alert)
    {
        var m = alert.Message;
        var p = command.Parameters;
        p[first].Value = m.Id;
        p[first + 1].Value = m.Agency;
        p[first + 2].Value = m.Sensor;
        p[first + 3].Value = m.Category;
        p[first + 4].Value = m.Severity;
        p[first + 5].Value = m.Rule.Id;
        p[first + 6].Value = m.Rule.Name;
        p[first + 7].Value = m.Indicator;
        p[first + 8].Value = m.Kind;
        p[first + 9].Value = (object?)m.Src?.Ip ?? DBNull.Value;
        p[first + 10].Value = (object?)m.Src?.Port ?? DBNull.Value;
        p[first + 11].Value = (object?)m.Dst?.Ip ?? DBNull.Value;
        p[first + 12].Value = (object?)m.Dst?.Port ?? DBNull.Value;
        p[first + 13].Value = (object?)m.Proto ?? DBNull.Value;
        p[first + 14].Value = (object?)m.Dns?.Qname ?? DBNull.Value;
        p[first + 15].Value = (object?)m.Tls?.Sni ?? DBNull.Value;
        p[first + 16].Value = (object?)m.Http?.Host ?? DBNull.Value;
        p[first + 17].Value = (object?)m.Intel?.List ?? DBNull.Value;
        p[first + 18].Value = m.Blocked ? 1 : 0;
        p[first + 19].Value = alert.FirstSeenMs;
        p[first + 20].Value = alert.LastSeenMs;
        p[first + 21].Value = m.Count;
        p[first + 22].Value = alert.ReceivedAtMs;
        p[first + 23].Value = alert.Payload;
    }

    /// <summary>Per sensor of a batch's alerts: when it was first heard of and its latest sighting.</summary>
    private static List<(string Agency, string Sensor, long FirstReceived, long LastSeen)> AlertsBySensor(List<IncomingAlert> alerts)
    {
        var sensors = new Dictionary<(string, string), (long, long)>();
        foreach (var alert in alerts)
        {
            var key = (alert.Message.Agency, alert.Message.Sensor);
            sensors[key] = sensors.TryGetValue(key, out var seen)
                ? (Math.Min(seen.Item1, alert.ReceivedAtMs), Math.Max(seen.Item2, alert.LastSeenMs))
                : (alert.ReceivedAtMs, alert.LastSeenMs);
        }
        return [.. sensors.Select(p => (p.Key.Item1, p.Key.Item2, p.Value.Item1, p.Value.Item2))];
    }

    /// <summary>The sensors of a batch's alerts get a row (first heard now, nothing else set) and
    /// their latest alert time, in one statement per <see cref="SensorRows"/> sensors rather than two
    /// per alert.</summary>
    private void UpsertAlertSensors(DbTransaction transaction, List<(string Agency, string Sensor, long FirstReceived, long LastSeen)> sensors)
    {
        for (var start = 0; start < sensors.Count; start += SensorRows)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO sensors (agency, sensor, online, first_heard, last_alert_at) VALUES ");
            for (var row = 0; row < Math.Min(SensorRows, sensors.Count - start); row++)
            {
                var (agency, sensor, firstReceived, lastSeen) = sensors[start + row];
                var n = (row * 4).ToString(CultureInfo.InvariantCulture);
                sql.Append(row == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@s{n}a, @s{n}s, 0, @s{n}f, @s{n}l)");
                Parameters.Add(command, $"@s{n}a", agency);
                Parameters.Add(command, $"@s{n}s", sensor);
                Parameters.Add(command, $"@s{n}f", firstReceived);
                Parameters.Add(command, $"@s{n}l", lastSeen);
            }
            sql.Append(" ON CONFLICT (agency, sensor) DO UPDATE SET last_alert_at = ")
                .Append(_dialect.Greatest("COALESCE(sensors.last_alert_at, 0)", "excluded.last_alert_at"));
            command.CommandText = sql.ToString();
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Applies the repeated deliveries in their order. PostgreSQL gets them as one batch (one
    /// round trip, executed in order, as a statement each was); SQLite, in process, one at a time.</summary>
    private void UpdateAlerts(DbTransaction transaction, List<IncomingAlert> repeats)
    {
        if (repeats.Count == 0)
            return;
        var sql = $"""
            UPDATE alerts SET
                payload = CASE WHEN @count > count THEN @payload ELSE payload END,
                count = {_dialect.Greatest("count", "@count")},
                first_seen = {_dialect.Least("first_seen", "@first_seen")},
                last_seen = {_dialect.Greatest("last_seen", "@last_seen")},
                updated_at = @received_at,
                deliveries = deliveries + 1
            WHERE id = @id
            """;
        if (!_connection.CanCreateBatch)
        {
            foreach (var alert in repeats)
                Execute(transaction, sql, UpdateValues(alert));
            return;
        }
        using var batch = _connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var alert in repeats)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            foreach (var (name, value) in UpdateValues(alert))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            batch.BatchCommands.Add(command);
        }
        batch.ExecuteNonQuery();
    }

    private static (string Name, object? Value)[] UpdateValues(IncomingAlert alert) =>
    [
        ("@id", alert.Message.Id), ("@count", alert.Message.Count), ("@payload", alert.Payload), ("@first_seen", alert.FirstSeenMs),
        ("@last_seen", alert.LastSeenMs), ("@received_at", alert.ReceivedAtMs),
    ];

    /// <summary>Makes sure the sensor has a row (first heard now) without touching its other columns.</summary>
    private void TouchSensor(DbTransaction transaction, string agency, string sensor, long atMs) =>
        Execute(transaction, "INSERT INTO sensors (agency, sensor, online, first_heard) VALUES (@a, @s, 0, @t) ON CONFLICT (agency, sensor) DO NOTHING",
            ("@a", agency), ("@s", sensor), ("@t", atMs));

    /// <summary>Statuses arrive retained and possibly out of order across collectors: an older one never overwrites a newer.</summary>
    private void WriteStatus(DbTransaction transaction, IncomingStatus status)
    {
        TouchSensor(transaction, status.Agency, status.Sensor, status.AtMs);
        var m = status.Message;
        var online = string.Equals(m.State, "online", StringComparison.Ordinal);
        Execute(transaction, """
            UPDATE sensors SET online = @online, status_at = @t,
                version = CASE WHEN @online = 1 THEN @version ELSE version END,
                intel_version = CASE WHEN @online = 1 THEN @intel ELSE intel_version END,
                board = CASE WHEN @online = 1 THEN @board ELSE board END,
                slot = CASE WHEN @online = 1 THEN @slot ELSE slot END,
                rollback_version = CASE WHEN @online = 1 THEN @rollback ELSE rollback_version END,
                started = CASE WHEN @online = 1 THEN @started ELSE started END
            WHERE agency = @a AND sensor = @s AND (status_at IS NULL OR status_at <= @t)
            """,
            ("@online", online ? 1 : 0), ("@t", status.AtMs), ("@version", m.Version), ("@intel", m.IntelVersion), ("@board", m.Board),
            ("@slot", m.Slot), ("@rollback", m.Rollback?.Version), ("@started", m.Started), ("@a", status.Agency), ("@s", status.Sensor));
    }

    private void WriteHeartbeat(DbTransaction transaction, IncomingHeartbeat heartbeat)
    {
        TouchSensor(transaction, heartbeat.Agency, heartbeat.Sensor, heartbeat.AtMs);
        var m = heartbeat.Message;
        Execute(transaction, """
            UPDATE sensors SET heartbeat_at = @t, uptime_seconds = @uptime, packets = @packets, drops = @drops,
                outbox_depth = @depth, temperature = @temperature, state = @state,
                intel_version = COALESCE(@intel, intel_version)
            WHERE agency = @a AND sensor = @s AND (heartbeat_at IS NULL OR heartbeat_at <= @t)
            """,
            ("@t", heartbeat.AtMs), ("@uptime", m.UptimeSeconds), ("@packets", m.Packets), ("@drops", m.Drops),
            ("@depth", m.Outbox.Depth), ("@temperature", m.CpuTemperatureC), ("@state", m.State), ("@intel", m.IntelVersion),
            ("@a", heartbeat.Agency), ("@s", heartbeat.Sensor));
        // Presence: a heartbeat at t vouches for the sensor from the start of its uptime (at most one gap
        // back) to t; it extends an interval that ends within the gap, else starts a new one.
        var from = heartbeat.AtMs - Math.Min(m.UptimeSeconds * 1000, _presenceGapMs);
        var extended = Execute(transaction, $"""
            UPDATE presence SET end_ms = {_dialect.Greatest("end_ms", "@t")}, start_ms = {_dialect.Least("start_ms", "@from")}
            WHERE agency = @a AND sensor = @s AND end_ms >= @from - @gap AND start_ms <= @t
            """,
            ("@t", heartbeat.AtMs), ("@from", from), ("@gap", _presenceGapMs), ("@a", heartbeat.Agency), ("@s", heartbeat.Sensor));
        if (extended == 0)
            Execute(transaction, "INSERT INTO presence (agency, sensor, start_ms, end_ms) VALUES (@a, @s, @from, @t) ON CONFLICT (agency, sensor, start_ms) DO NOTHING",
                ("@a", heartbeat.Agency), ("@s", heartbeat.Sensor), ("@from", from), ("@t", heartbeat.AtMs));
    }

    private int Execute(DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            Parameters.Add(command, name, value);
        return command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
