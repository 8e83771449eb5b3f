using System.Globalization;
using System.Text.Json;
using Edge.Cli.Reports;
using Edge.Cli.Store;
using Edge.Uplink.Messages;

namespace Edge.Cli.Tests.Reports;

/// <summary>Alerts and heartbeats as sensors send them, for the report's tests.</summary>
internal static class ReportFixtures
{
    public static readonly ReportPeriod H1 = Half("2026-H1");

    public static ReportPeriod Half(string text, TimeSpan offset = default)
    {
        Assert.True(ReportPeriod.TryParseHalf(text, offset, out var period, out var error), error);
        return period;
    }

    public static string Id(int n) => "01J" + n.ToString("D23", CultureInfo.InvariantCulture);

    public static IncomingAlert Alert(int id, string category, string indicator, string? src, DateTimeOffset first,
        long count = 1, string agency = "town-a", string sensor = "gw-1", double minutes = 0)
    {
        var last = first.AddMinutes(minutes);
        var message = new AlertMessage
        {
            Id = Id(id),
            Ts = Iso(last),
            FirstSeen = Iso(first),
            LastSeen = Iso(last),
            Count = count,
            Agency = agency,
            Sensor = sensor,
            Category = category,
            Severity = category == ReportCategories.Sensor ? "high" : "medium",
            Rule = category == ReportCategories.Sensor
                ? new AlertRuleRef("edge.firmware.rollback", "Firmware update rolled back")
                : new AlertRuleRef("edge.intel." + category, "Listed " + category),
            Indicator = indicator,
            Kind = category == ReportCategories.Sensor ? "firmware-rollback" : "dns-query",
            Src = src is null ? null : new AlertEndpoint(src, 50000),
            Proto = src is null ? null : "UDP",
            Evidence = $"{src} reached {indicator}",
        };
        var payload = JsonSerializer.Serialize(message, UplinkJsonContext.Default.AlertMessage);
        return new IncomingAlert(message, payload, first.ToUnixTimeMilliseconds(), last.ToUnixTimeMilliseconds(), last.AddSeconds(2).ToUnixTimeMilliseconds());
    }

    public static IncomingHeartbeat Heartbeat(DateTimeOffset at, long uptimeSeconds, string agency = "town-a", string sensor = "gw-1") =>
        new(agency, sensor, new HeartbeatMessage
        {
            Ts = Iso(at),
            UptimeSeconds = uptimeSeconds,
            Packets = 1000,
            Drops = 0,
            Alerts = new HeartbeatAlerts(0, 0, 0, 0, 0, 0),
            Outbox = new HeartbeatOutbox(0, 0, 0, 0),
            State = "monitoring",
        }, at.ToUnixTimeMilliseconds());

    public static void Write(IncidentStore store, params IncomingAlert[] alerts)
    {
        using var writer = new StoreWriter(store);
        var batch = new IncomingBatch();
        batch.Alerts.AddRange(alerts);
        writer.Write(batch);
    }

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
