using System.Text;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Outbox;

namespace Edge.Uplink.Tests.TestSupport;

/// <summary>Test messages: an alert-like JSON with an id the subscriber dedupes by.</summary>
public static class Alerts
{
    public static OutboxItem Item(string topic, long n) =>
        new(topic, Encoding.UTF8.GetBytes($$"""{"id":"a{{n:D8}}","n":{{n}}}"""), OutboxPriority.High, $"a{n:D8}");

    public static long NumberOf(string payload)
    {
        var start = payload.IndexOf("\"n\":", StringComparison.Ordinal) + 4;
        Assert.True(start >= 4, $"no number in '{payload}'");
        var end = payload.IndexOf('}', start);
        return long.Parse(payload.AsSpan(start, end - start), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static SensorIdentity Identity(string agency = "town-a", string sensor = "gw-1") =>
        new(agency, sensor, "1.0.0-test", "test-board", DateTimeOffset.UtcNow) { IntelVersion = "intel-1" };

    /// <summary>Checks that messages 1..count all arrived and that their first arrivals are in order
    /// (duplicates from a resend after a reconnect are allowed: consumers dedupe by id).</summary>
    public static (int Duplicates, long[] Missing) CheckOrderedOnce(IEnumerable<long> arrivals, long count)
    {
        var seen = new HashSet<long>();
        long last = 0;
        var duplicates = 0;
        foreach (var n in arrivals)
        {
            if (!seen.Add(n))
            {
                duplicates++;
                continue;
            }

            Assert.True(n > last, $"message {n} arrived first after {last}: out of order");
            last = n;
        }

        var missing = Enumerable.Range(1, (int)count).Select(i => (long)i).Where(i => !seen.Contains(i)).ToArray();
        return (duplicates, missing);
    }
}
