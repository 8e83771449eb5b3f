using System.Text;
using System.Text.Json;
using Edge.Detect.Behaviour;
using Edge.Watch.Net;

namespace Edge.Detect.Tests.Behaviour;

public sealed class TunnelStatsCorpusTests
{
    private static readonly IpAddr s_iodine = IpAddr.Parse("10.77.0.65");

    [Theory]
    [InlineData("dns-tunnel")]
    [InlineData("mixed")]
    public void The_iodine_zone_is_the_only_tunnel(string scenario)
    {
        var (stats, crossings) = Replay(scenario);
        Assert.Equal([(s_iodine, "t.cdn-metrics-lab.net")], crossings);
        Assert.Equal(0, stats.Mismatched);
    }

    [Theory]
    [InlineData("benign")]
    [InlineData("dns-basic")]
    [InlineData("dga")]
    [InlineData("typosquat")]
    public void No_zone_of_ordinary_lookups_crosses(string scenario)
    {
        var (stats, crossings) = Replay(scenario);
        Assert.Empty(crossings);
        Assert.True(stats.Count > 0);
    }

    [Fact]
    public void Quiet_hosts_of_the_mixed_capture_stay_silent()
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(CorpusCapture.TruthPath("mixed")));
        var quiet = truth.RootElement.GetProperty("quiet_lan_hosts").EnumerateArray().Select(e => IpAddr.Parse(e.GetString()!)).ToHashSet();
        var (_, crossings) = Replay("mixed");
        Assert.DoesNotContain(crossings, c => quiet.Contains(c.Client));
    }

    private static (TunnelStats Stats, List<(IpAddr Client, string Zone)> Crossings) Replay(string scenario)
    {
        var stats = new TunnelStats(new TunnelOptions());
        var crossings = new List<(IpAddr, string)>();
        foreach (var (client, name, type, micros) in DnsQueries.Read(scenario))
        {
            var zone = DnsQueries.Zone(name);
            stats.Observe(client, Encoding.Latin1.GetBytes(name), Encoding.Latin1.GetBytes(zone), type, micros, out var first);
            if (first)
                crossings.Add((client, zone));
        }
        return (stats, crossings);
    }
}
