using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Cli.Fleet;

/// <summary><c>edgectl fleet --json</c>: one object with every sensor and the counts.</summary>
public sealed record FleetReport(string GeneratedAt, double SilentAfterSeconds, IReadOnlyList<string> Sources,
    FleetCounts Counts, IReadOnlyList<FleetSensorReport> Sensors)
{
    public static FleetReport From(IReadOnlyList<FleetRow> rows, DateTimeOffset now, TimeSpan silentAfter, IReadOnlyList<string> sources) =>
        new(Iso(now)!, silentAfter.TotalSeconds, sources,
            new FleetCounts(rows.Count(r => r.Health == SensorHealth.Online), rows.Count(r => r.Health == SensorHealth.Silent),
                rows.Count(r => r.Health == SensorHealth.Offline)),
            [.. rows.Select(FleetSensorReport.From)]);

    /// <summary>One line of JSON; text as it is (a version's <c>+</c> is not escaped to <c>\u002B</c>).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            JsonSerializer.Serialize(writer, this, FleetJsonContext.Default.FleetReport);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static string? Iso(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

public sealed record FleetCounts(int Online, int Silent, int Offline);

public sealed record FleetSensorReport(string Agency, string Sensor, string Health, string Reason, bool? StatusOnline,
    string? Version, string? IntelVersion, string? Board, string? State, long? OutboxDepth, long? Drops, double? TemperatureC,
    long? UptimeSeconds, string? LastAlert, double? LastAlertAgeSeconds, string? Heartbeat, double? HeartbeatAgeSeconds)
{
    public static FleetSensorReport From(FleetRow row)
    {
        var s = row.Sensor;
        return new(s.Agency, s.Sensor, FleetTable.Label(row.Health), row.Reason, s.Online, s.Version, s.IntelVersion, s.Board, s.State,
            s.OutboxDepth, s.Drops, s.TemperatureC, s.UptimeSeconds, FleetReport.Iso(s.LastAlertAt), Seconds(row.LastAlertAge),
            FleetReport.Iso(s.HeartbeatAt), Seconds(row.HeartbeatAge));
    }

    private static double? Seconds(TimeSpan? age) => age is { } a ? Math.Round(a.TotalSeconds, 1) : null;
}

/// <summary>Source-generated JSON for the fleet report: snake_case, nulls kept (a missing figure is
/// a fact worth showing).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(FleetReport))]
public sealed partial class FleetJsonContext : JsonSerializerContext;
