using System.Data.Common;

namespace Edge.Cli.Store;

/// <summary>Writes batches into the store, each in one transaction, idempotently: an alert id is one
/// row whatever the number of deliveries (the highest count, the earliest first-seen and the latest
/// last-seen win), so duplicates, broker re-deliveries and a sensor's retries never double a figure.
/// One writer per connection; not thread-safe.</summary>
public sealed class StoreWriter : IDisposable
{
    /// <summary>Heartbeats closer than this extend the sensor's current presence interval.</summary>
    public static readonly TimeSpan DefaultPresenceGap = TimeSpan.FromSeconds(150);

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
        int fresh = 0, repeated = 0;
        foreach (var alert in batch.Alerts)
        {
            if (InsertAlert(transaction, alert))
                fresh++;
            else
            {
                UpdateAlert(transaction, alert);
                repeated++;
            }
            TouchSensor(transaction, alert.Message.Agency, alert.Message.Sensor, alert.ReceivedAtMs);
            Execute(transaction, $"UPDATE sensors SET last_alert_at = {_dialect.Greatest("COALESCE(last_alert_at, 0)", "@t")} WHERE agency = @a AND sensor = @s",
                ("@t", alert.LastSeenMs), ("@a", alert.Message.Agency), ("@s", alert.Message.Sensor));
        }
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

    private bool InsertAlert(DbTransaction transaction, IncomingAlert alert)
    {
        var m = alert.Message;
        return Execute(transaction, """
            INSERT INTO alerts (id, agency, sensor, category, severity, rule_id, rule_name, indicator, kind,
                src_ip, src_port, dst_ip, dst_port, proto, qname, sni, http_host, intel_list, blocked,
                first_seen, last_seen, count, received_at, updated_at, deliveries, payload)
            VALUES (@id, @agency, @sensor, @category, @severity, @rule_id, @rule_name, @indicator, @kind,
                @src_ip, @src_port, @dst_ip, @dst_port, @proto, @qname, @sni, @http_host, @intel_list, @blocked,
                @first_seen, @last_seen, @count, @received_at, @received_at, 1, @payload)
            ON CONFLICT (id) DO NOTHING
            """,
            ("@id", m.Id), ("@agency", m.Agency), ("@sensor", m.Sensor), ("@category", m.Category), ("@severity", m.Severity),
            ("@rule_id", m.Rule.Id), ("@rule_name", m.Rule.Name), ("@indicator", m.Indicator), ("@kind", m.Kind),
            ("@src_ip", m.Src?.Ip), ("@src_port", m.Src?.Port), ("@dst_ip", m.Dst?.Ip), ("@dst_port", m.Dst?.Port), ("@proto", m.Proto),
            ("@qname", m.Dns?.Qname), ("@sni", m.Tls?.Sni), ("@http_host", m.Http?.Host), ("@intel_list", m.Intel?.List),
            ("@blocked", m.Blocked ? 1 : 0), ("@first_seen", alert.FirstSeenMs), ("@last_seen", alert.LastSeenMs), ("@count", m.Count),
            ("@received_at", alert.ReceivedAtMs), ("@payload", alert.Payload)) == 1;
    }

    private void UpdateAlert(DbTransaction transaction, IncomingAlert alert) =>
        Execute(transaction, $"""
            UPDATE alerts SET
                payload = CASE WHEN @count > count THEN @payload ELSE payload END,
                count = {_dialect.Greatest("count", "@count")},
                first_seen = {_dialect.Least("first_seen", "@first_seen")},
                last_seen = {_dialect.Greatest("last_seen", "@last_seen")},
                updated_at = @received_at,
                deliveries = deliveries + 1
            WHERE id = @id
            """,
            ("@id", alert.Message.Id), ("@count", alert.Message.Count), ("@payload", alert.Payload), ("@first_seen", alert.FirstSeenMs),
            ("@last_seen", alert.LastSeenMs), ("@received_at", alert.ReceivedAtMs));

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
