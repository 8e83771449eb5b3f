using Edge.Cli.Store;
using Edge.Uplink.Messages;

namespace Edge.Cli.Tests.Store;

/// <summary>Messages as sensors send them, for the store's tests.</summary>
internal static class StoreFixtures
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static IncomingAlert Alert(string id, long count = 1, string agency = "town-a", string sensor = "gw-1",
        string category = "phishing", string indicator = "login-bank.example", double minutes = 0, double lastMinutes = 0)
    {
        var first = Start.AddMinutes(minutes);
        var last = Start.AddMinutes(Math.Max(minutes, lastMinutes));
        var message = new AlertMessage
        {
            Id = id,
            Ts = Iso(last),
            FirstSeen = Iso(first),
            LastSeen = Iso(last),
            Count = count,
            Agency = agency,
            Sensor = sensor,
            Category = category,
            Severity = "high",
            Rule = new AlertRuleRef("edge.intel.domain", "Known bad domain"),
            Indicator = indicator,
            Kind = "dns-query",
            Src = new AlertEndpoint("192.168.1.20", 50000),
            Dst = new AlertEndpoint("192.168.1.1", 53),
            Proto = "UDP",
            Dns = new AlertDnsContext(indicator, "A", null),
            Evidence = $"192.168.1.20 asked for {indicator}",
        };
        var payload = System.Text.Json.JsonSerializer.Serialize(message, UplinkJsonContext.Default.AlertMessage);
        return new IncomingAlert(message, payload, first.ToUnixTimeMilliseconds(), last.ToUnixTimeMilliseconds(), last.AddSeconds(1).ToUnixTimeMilliseconds());
    }

    public static IncomingHeartbeat Heartbeat(double minutes, long uptimeSeconds, string agency = "town-a", string sensor = "gw-1") =>
        new(agency, sensor, new HeartbeatMessage
        {
            Ts = Iso(Start.AddMinutes(minutes)),
            UptimeSeconds = uptimeSeconds,
            Packets = 1000,
            Drops = 3,
            Alerts = new HeartbeatAlerts(1, 1, 0, 0, 0, 0),
            Outbox = new HeartbeatOutbox(2, 100, 0, 0),
            State = "monitoring",
            CpuTemperatureC = 51.5,
        }, Start.AddMinutes(minutes).ToUnixTimeMilliseconds());

    public static IncomingStatus Status(string state, double minutes, string? version = "2.0.0", string agency = "town-a", string sensor = "gw-1") =>
        new(agency, sensor, new StatusMessage { State = state, Version = state == "online" ? version : null }, Start.AddMinutes(minutes).ToUnixTimeMilliseconds());

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
