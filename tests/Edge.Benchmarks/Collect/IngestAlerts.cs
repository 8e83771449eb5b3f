using System.Text;
using System.Text.Json;
using Edge.Uplink.Messages;

namespace Edge.Benchmarks.Collect;

/// <summary>Alert messages as a province's sensors publish them: SENSORS sensors in agencies of ten,
/// realistic fields (about 650 bytes), ids unique to the run (ULIDs from now plus a counter), and
/// about one in seven followed by its count update (the same id, a higher count), as the sample
/// capture's sensor sends 27 messages for 23 alerts.</summary>
public static class IngestAlerts
{
    private static readonly string[] Categories = ["phishing", "cnc", "botnet", "mining", "wannacry", "dga", "scan", "malware"];

    /// <summary>The messages, and the first and last alert id they can have (the ids of one run are
    /// one range of the primary key, so a store that outlives runs counts a run's rows cheaply).</summary>
    public static (List<(string Topic, byte[] Payload)> Messages, string FirstId, string LastId) Make(int count, int sensors, int seed)
    {
        var random = new Random(seed);
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        var prefix = Ulid(start.ToUnixTimeMilliseconds(), (ulong)random.NextInt64());
        var messages = new List<(string, byte[])>(count + count / 6);
        for (var i = 0; i < count; i++)
        {
            var sensor = i % sensors;
            var agency = $"agency-{sensor / 10:D3}";
            var sensorId = $"sensor-{sensor:D4}";
            var category = Categories[random.Next(Categories.Length)];
            var seen = start.AddMilliseconds(i * 3);
            // The run's time (10 digits), the seed and a counter: unique in a store that outlives the run.
            var id = RunPrefix(prefix, seed) + i.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
            var topic = $"edge/v1/{agency}/{sensorId}/alert/{category}";
            messages.Add((topic, Payload(id, agency, sensorId, category, seen, 1, random)));
            if (i % 7 == 3)
                messages.Add((topic, Payload(id, agency, sensorId, category, seen, 5, random)));
        }
        var run = RunPrefix(prefix, seed);
        return (messages, run + "0000000000", run + "9999999999");
    }

    private static string RunPrefix(string ulid, int seed) => ulid[..10] + ((uint)seed % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Payload(string id, string agency, string sensor, string category, DateTimeOffset seen, int count, Random random)
    {
        var host = $"login-{random.Next(50_000)}.bank-secure.example";
        var client = $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}";
        var message = new AlertMessage
        {
            Id = id,
            Ts = Iso(seen.AddSeconds(count)),
            FirstSeen = Iso(seen),
            LastSeen = Iso(seen.AddSeconds(count - 1)),
            Count = count,
            Update = count > 1,
            Agency = agency,
            Sensor = sensor,
            Category = category,
            Severity = "high",
            Rule = new AlertRuleRef($"edge.intel.{category}", "Known bad domain from the province's list"),
            Indicator = host,
            Kind = "tls-sni",
            Src = new AlertEndpoint(client, 40_000 + random.Next(20_000)),
            Dst = new AlertEndpoint($"203.0.113.{random.Next(1, 255)}", 443),
            Proto = "TCP",
            Tls = new AlertTlsContext(host, "e7d705a3286e19ea42f587b344ee6865", "t13d1516h2_8daaf6152771_b0da82dd1658"),
            Intel = new AlertIntelContext($"{category}.txt", "province"),
            Evidence = $"{client} opened TLS to {host} (SNI), listed in {category}.txt",
            EvidenceFile = id + ".pcap",
        };
        return JsonSerializer.SerializeToUtf8Bytes(message, UplinkJsonContext.Default.AlertMessage);
    }

    /// <summary>26 Crockford base32 digits: 48-bit time, then 80 bits from <paramref name="random"/>.</summary>
    private static string Ulid(long unixMs, ulong random)
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var value = ((UInt128)(ulong)unixMs << 80) | random;
        var text = new StringBuilder(26);
        for (var i = 25; i >= 0; i--)
        {
            text.Insert(0, alphabet[(int)(value & 31)]);
            value >>= 5;
        }
        return text.ToString();
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
