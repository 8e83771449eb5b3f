using Edge.Detect.Alerts;
using Edge.Detect.Findings;
using Edge.Detect.Suppressions;
using Edge.Watch.Net;

namespace Edge.Detect.Tests.Suppressions;

public class SuppressionTests
{
    private static Finding Beacon(long at = 0, string server = "203.0.113.66", string indicator = "203.0.113.66:8080") => new()
    {
        RuleId = "edge.cnc.beacon",
        RuleName = "beacon",
        Category = AlertCategories.Cnc,
        Severity = Severity.High,
        Kind = EvidenceKinds.Beacon,
        Indicator = indicator,
        Evidence = "test",
        TimestampMicros = at,
        Client = IpAddr.Parse("10.77.0.51"),
        Server = IpAddr.Parse(server),
    };

    private static List<Suppression> Parse(params string[] lines)
    {
        var (suppressions, errors) = SuppressionParser.Parse("test.txt", lines);
        Assert.Empty(errors);
        return suppressions;
    }

    [Fact]
    public void A_beacon_to_a_known_update_server_is_suppressed_by_destination_and_counted()
    {
        var list = new SuppressionList(Parse("rule=edge.cnc.beacon dst=203.0.113.0/24 reason=\"update server\""));
        var raised = new List<Alert>();
        var pipeline = new AlertPipeline(new AlertOptions(), new Sink(raised), list);
        pipeline.Report(Beacon());
        pipeline.Report(Beacon(server: "198.51.100.9", indicator: "198.51.100.9:8080"));
        Assert.Single(raised);
        Assert.Equal("198.51.100.9:8080", raised[0].Finding.Indicator);
        Assert.Equal(1, pipeline.Counters.Suppressed);
        Assert.Equal(1, list.HitsOf(0));
    }

    [Fact]
    public void Expired_suppressions_no_longer_apply()
    {
        var list = new SuppressionList(Parse("dst=203.0.113.66 reason=temporary expires=2026-01-01"));
        Assert.True(list.Suppresses(Beacon(at: 1_700_000_000_000_000)));
        Assert.False(list.Suppresses(Beacon(at: 1_800_000_000_000_000)));
    }

    [Fact]
    public void An_indicator_suppression_covers_subdomains_on_label_boundaries()
    {
        var suppression = Parse("indicator=example.net reason=lab")[0];
        Assert.True(suppression.Matches(Beacon(indicator: "example.net")));
        Assert.True(suppression.Matches(Beacon(indicator: "cdn.example.net")));
        Assert.False(suppression.Matches(Beacon(indicator: "notexample.net")));
    }

    [Theory]
    [InlineData("dst=300.1.1.1 reason=x", "test.txt:1: dst: '300.1.1.1' is not an address or CIDR")]
    [InlineData("client=10.0.0.0/33 reason=x", "test.txt:1: client: '10.0.0.0/33' is not an address or CIDR")]
    [InlineData("rule=edge.cnc.beacon", "test.txt:1: reason: every suppression needs one")]
    [InlineData("reason=everything", "test.txt:1: a suppression must name at least one of rule, category, client, dst, indicator")]
    [InlineData("colour=red reason=x", "test.txt:1: colour: unknown field (rule, category, client, dst, indicator, reason, expires)")]
    [InlineData("rule=x reason=y expires=someday", "test.txt:1: expires: 'someday' is not a date")]
    [InlineData("rule=x junk reason=y", "test.txt:1: 'junk' is not field=value")]
    public void A_bad_line_is_named_with_its_field_and_skipped(string line, string error)
    {
        var (suppressions, errors) = SuppressionParser.Parse("test.txt", [line, "rule=ok reason=fine"]);
        Assert.Equal([error], errors);
        Assert.Single(suppressions);
        Assert.Equal("test.txt:2", suppressions[0].Origin);
    }

    [Fact]
    public void Random_and_mutated_lines_never_throw()
    {
        var random = new Random(4242);
        const string alphabet = "rule=category=client=dst=indicator=reason=expires=\" /.:0123456789abcdefx#";
        string[] seeds = ["rule=edge.cnc.beacon dst=203.0.113.66 reason=\"update server\" expires=2027-06-30", "client=10.0.0.0/8 indicator=a.example reason=x"];
        for (var i = 0; i < 20_000; i++)
        {
            var line = random.Next(2) == 0
                ? new string(Enumerable.Range(0, random.Next(80)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray())
                : Mutate(seeds[random.Next(seeds.Length)], random);
            var (suppressions, errors) = SuppressionParser.Parse("fuzz.txt", [line]);
            Assert.True(suppressions.Count + errors.Count <= 1);
            foreach (var suppression in suppressions)
                suppression.Matches(Beacon());
        }
    }

    private static string Mutate(string line, Random random)
    {
        var chars = line.ToCharArray();
        for (var n = random.Next(1, 4); n > 0; n--)
            chars[random.Next(chars.Length)] = (char)random.Next(32, 127);
        return new string(chars, 0, random.Next(chars.Length + 1));
    }

    private sealed class Sink(List<Alert> raised) : IAlertSink
    {
        public void Raise(Alert alert) => raised.Add(alert);
    }
}
