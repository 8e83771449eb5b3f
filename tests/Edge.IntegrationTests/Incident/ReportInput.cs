using System.Globalization;
using System.Text.Json;
using Edge.Cli.Store;
using Edge.Uplink.Messages;

namespace Edge.IntegrationTests.Incident;

/// <summary>A fixed, seeded half-year of a small province as the collector would store it: three
/// agencies, alerts in every category with re-deliveries and count updates, indicators whose order
/// differs between byte order and a language's (upper and lower case, accents, punycode), sensor
/// events, heartbeats with silences and restarts, and alerts just outside the period.</summary>
internal static class ReportInput
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly string[] Agencies = ["town-a", "town-b", "city-9"];
    private static readonly string[] Categories = ["phishing", "mining", "cnc", "wannacry", "botnet", "dga", "dns-tunnel", "scan", "doh-bypass", "typosquat", "malware"];
    private static readonly string[] Names =
    [
        "login-bank.example", "Login-Bank.example", "bücher-shop.example", "xn--bcher-kva.example", "zeta.example", "Alpha.example",
        "alpha.example", "198.51.100.32:3333", "203.0.113.66:8080", "t.cdn-metrics-lab.net", "ÉCOLE.example", "ecole.example",
    ];

    public static IEnumerable<IncomingBatch> Batches()
    {
        var random = new Random(20260101);
        var id = 0;
        var batch = new IncomingBatch();
        var redeliver = new List<IncomingAlert>();
        for (var i = 0; i < 900; i++)
        {
            var agency = Agencies[random.Next(Agencies.Length)];
            var sensor = agency + "-gw" + random.Next(2);
            var category = Categories[random.Next(Categories.Length)];
            var first = Start.AddMinutes(random.Next(0, 181 * 24 * 60));
            var host = $"10.{random.Next(2)}.0.{random.Next(1, 12)}";
            var alert = Alert(++id, agency, sensor, category, Names[random.Next(Names.Length)], host, first, random.Next(1, 30));
            batch.Alerts.Add(alert);
            if (random.Next(5) == 0)
                redeliver.Add(Incoming(Copy(alert.Message, alert.Message.Count + 10), first, first.AddMinutes(5)));
            if (batch.Alerts.Count == 100)
            {
                yield return batch;
                batch = new IncomingBatch();
            }
        }
        batch.Alerts.AddRange(redeliver);
        batch.Alerts.Add(Alert(++id, "town-a", "town-a-gw0", "phishing", "login-bank.example", "10.0.0.1", Start.AddTicks(-1), 1));
        batch.Alerts.Add(Alert(++id, "town-a", "town-a-gw0", "phishing", "login-bank.example", "10.0.0.1", Start.AddMonths(6), 1));
        batch.Alerts.Add(Alert(++id, "town-b", "town-b-gw1", "sensor", "2.1.0", null, Start.AddDays(40), 1));
        yield return batch;
        foreach (var heartbeats in Heartbeats())
            yield return heartbeats;
    }

    /// <summary>A heartbeat a minute from each sensor for three days, with silences (an hour; a day for
    /// the second sensors) after which the uptime restarts; town-a's first sensor's heartbeats are
    /// stored twice, as a re-delivery would, and must not count twice.</summary>
    private static IEnumerable<IncomingBatch> Heartbeats()
    {
        foreach (var agency in Agencies)
        {
            for (var s = 0; s < 2; s++)
            {
                var batch = new IncomingBatch();
                var sensor = agency + "-gw" + s;
                var at = Start.AddDays(2 + s);
                long uptime = 0;
                for (var minute = 0; minute < 3 * 24 * 60; minute++)
                {
                    if (minute is >= 600 and < 660 || minute is >= 2000 and < 3440 && s == 1)
                    {
                        uptime = 0;
                        continue;
                    }
                    uptime += 60;
                    batch.Heartbeats.Add(Heartbeat(agency, sensor, at.AddMinutes(minute), uptime));
                }
                yield return batch;
                if (agency == "town-a" && s == 0)
                    yield return batch;
            }
        }
    }

    private static IncomingAlert Alert(int n, string agency, string sensor, string category, string indicator, string? host, DateTimeOffset first, long count)
    {
        var message = new AlertMessage
        {
            Id = "01J" + n.ToString("D23", CultureInfo.InvariantCulture),
            Ts = Iso(first.AddMinutes(5)),
            FirstSeen = Iso(first),
            LastSeen = Iso(first.AddMinutes(5)),
            Count = count,
            Agency = agency,
            Sensor = sensor,
            Category = category,
            Severity = category == "sensor" ? "high" : "medium",
            Rule = new AlertRuleRef("edge." + category, "Rule for " + category),
            Indicator = indicator,
            Kind = category == "sensor" ? "firmware-rollback" : "dns-query",
            Src = host is null ? null : new AlertEndpoint(host, 40000),
            Proto = host is null ? null : "UDP",
            Evidence = $"{host} reached {indicator}",
        };
        return Incoming(message, first, first.AddMinutes(5));
    }

    private static AlertMessage Copy(AlertMessage m, long count) => new()
    {
        Id = m.Id, Ts = m.Ts, FirstSeen = m.FirstSeen, LastSeen = m.LastSeen, Count = count, Update = true, Agency = m.Agency, Sensor = m.Sensor,
        Category = m.Category, Severity = m.Severity, Rule = m.Rule, Indicator = m.Indicator, Kind = m.Kind, Src = m.Src, Proto = m.Proto, Evidence = m.Evidence,
    };

    private static IncomingAlert Incoming(AlertMessage message, DateTimeOffset first, DateTimeOffset last) =>
        new(message, JsonSerializer.Serialize(message, UplinkJsonContext.Default.AlertMessage),
            first.ToUnixTimeMilliseconds(), last.ToUnixTimeMilliseconds(), last.AddSeconds(1).ToUnixTimeMilliseconds());

    private static IncomingHeartbeat Heartbeat(string agency, string sensor, DateTimeOffset at, long uptime) =>
        new(agency, sensor, new HeartbeatMessage
        {
            Ts = Iso(at),
            UptimeSeconds = uptime,
            Packets = 100,
            Drops = 0,
            Alerts = new HeartbeatAlerts(0, 0, 0, 0, 0, 0),
            Outbox = new HeartbeatOutbox(0, 0, 0, 0),
            State = "monitoring",
        }, at.ToUnixTimeMilliseconds());

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
