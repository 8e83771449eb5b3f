using System.Data.Common;
using System.Globalization;
using Edge.Cli.Store;

namespace Edge.Cli.Fleet;

/// <summary>Reads the collector's <c>sensors</c> table (latest status and heartbeat per sensor, kept
/// by <see cref="StoreWriter"/>); times there are Unix milliseconds.</summary>
public static class FleetStoreQuery
{
    public static IReadOnlyList<SensorState> Read(IncidentStore store, string? agency = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT agency, sensor, online, status_at, version, intel_version, board, state, heartbeat_at,
                uptime_seconds, outbox_depth, drops, temperature, last_alert_at, first_heard
            FROM sensors
            """ + (agency is null ? "" : " WHERE agency = @agency") + " ORDER BY agency, sensor";
        if (agency is not null)
            Parameters.Add(command, "@agency", agency);
        using var reader = command.ExecuteReader();
        var sensors = new List<SensorState>();
        while (reader.Read())
        {
            var statusAt = Time(reader, 3);
            sensors.Add(new SensorState(reader.GetString(0), reader.GetString(1))
            {
                // A row made by an alert or heartbeat before any status has online = 0 and no status time.
                Online = statusAt is null ? null : Long(reader, 2) == 1,
                StatusAt = statusAt,
                Version = Text(reader, 4),
                IntelVersion = Text(reader, 5),
                Board = Text(reader, 6),
                State = Text(reader, 7),
                HeartbeatAt = Time(reader, 8),
                UptimeSeconds = Long(reader, 9),
                OutboxDepth = Long(reader, 10),
                Drops = Long(reader, 11),
                TemperatureC = reader.IsDBNull(12) ? null : Convert.ToDouble(reader.GetValue(12), CultureInfo.InvariantCulture),
                LastAlertAt = Time(reader, 13),
                ObservedSince = Time(reader, 14),
            });
        }
        return sensors;
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static long? Long(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : Convert.ToInt64(reader.GetValue(column), CultureInfo.InvariantCulture);

    private static DateTimeOffset? Time(DbDataReader reader, int column) =>
        Long(reader, column) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
