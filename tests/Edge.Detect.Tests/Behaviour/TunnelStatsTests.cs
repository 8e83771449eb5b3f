using System.Text;
using Edge.Detect.Behaviour;
using Edge.Watch.Dns;
using Edge.Watch.Net;

namespace Edge.Detect.Tests.Behaviour;

public sealed class TunnelStatsTests
{
    private static readonly IpAddr s_client = IpAddr.Parse("10.77.0.9");
    private static readonly byte[] s_zone = "t.example.net"u8.ToArray();

    private static byte[] Name(string subdomain) => Encoding.ASCII.GetBytes(subdomain + ".t.example.net");

    [Fact]
    public void Base32_labels_in_txt_queries_cross_once_at_the_minimum_volume()
    {
        var random = new Random(5);
        var stats = new TunnelStats(new TunnelOptions());
        var crossings = new List<int>();
        TunnelScore score = default;
        for (var i = 1; i <= 60; i++)
        {
            var label = new string(Enumerable.Range(0, 52).Select(_ => "abcdefghijklmnopqrstuvwxyz234567"[random.Next(32)]).ToArray());
            score = stats.Observe(s_client, Name(label), s_zone, DnsType.TXT, i * 100_000L, out var first);
            if (first)
                crossings.Add(i);
        }
        Assert.Equal([20], crossings);
        Assert.True(score.Score > 0.9, score.ToString());
        Assert.InRange(score.UniqueSubdomains, 55, 60);
    }

    [Fact]
    public void Many_repeated_short_names_are_not_a_tunnel()
    {
        var stats = new TunnelStats(new TunnelOptions());
        TunnelScore score = default;
        for (var i = 0; i < 500; i++)
            score = stats.Observe(s_client, Name(i % 2 == 0 ? "www" : "mail"), s_zone, i % 3 == 0 ? DnsType.AAAA : DnsType.A, i * 50_000L);
        Assert.False(score.IsTunnel);
        Assert.True(score.Score < 0.3, score.ToString());
        Assert.Equal(2, score.UniqueSubdomains);
    }

    [Fact]
    public void Unique_cdn_style_hostnames_under_one_zone_stay_below_the_threshold()
    {
        var random = new Random(9);
        var stats = new TunnelStats(new TunnelOptions());
        TunnelScore score = default;
        for (var i = 0; i < 200; i++)
            score = stats.Observe(s_client, Name($"e{random.Next(100000)}.dscx"), s_zone, DnsType.A, i * 100_000L);
        Assert.False(score.IsTunnel, score.ToString());
    }

    [Fact]
    public void A_new_window_re_arms_only_after_a_window_that_was_not_tunnel_like()
    {
        var stats = new TunnelStats(new TunnelOptions { WindowSeconds = 10 });
        var crossings = 0;
        void Burst(long start, int count)
        {
            for (var i = 0; i < count; i++)
            {
                stats.Observe(s_client, Name($"q{start}x{i}aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabcdefghijklmnop"), s_zone, DnsType.NULL, start + i * 1000L, out var first);
                crossings += first ? 1 : 0;
            }
        }
        Burst(0, 30);
        Burst(10_000_000, 30);
        Assert.Equal(1, crossings);
        Burst(20_000_000, 2);
        Burst(30_000_000, 30);
        Assert.Equal(2, crossings);
    }

    [Fact]
    public void Names_outside_the_zone_are_counted_and_zones_are_capped()
    {
        var stats = new TunnelStats(new TunnelOptions { MaxZones = 3 });
        stats.Observe(s_client, "www.other.org"u8, s_zone, DnsType.A, 0);
        stats.Observe(s_client, "xt.example.net"u8, s_zone, DnsType.A, 0);
        Assert.Equal(2, stats.Mismatched);
        for (var i = 0; i < 5; i++)
            stats.Observe(s_client, Encoding.ASCII.GetBytes($"a.zone{i}.net."), Encoding.ASCII.GetBytes($"ZONE{i}.net"), DnsType.A, i);
        Assert.Equal(3, stats.Count);
        Assert.Equal(2, stats.Evictions);
    }

    [Fact]
    public void Escaped_octets_count_as_one_octet()
    {
        var stats = new TunnelStats(new TunnelOptions());
        var score = stats.Observe(s_client, Name("\\200\\201\\.x"), s_zone, DnsType.A, 0);
        Assert.Equal(4, score.MeanLabelLength);
        Assert.Equal(2, score.MeanEntropyBits);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void A_prepared_name_crosses_exactly_when_Observe_does(int seed)
    {
        // Long random labels, short repeated ones, a second zone and a mismatched name, across
        // window ends: the prepared, gated path must give the same crossings and scores.
        var random = new Random(seed);
        var options = new TunnelOptions { HashSeed = 7, MinQueries = 10 };
        var full = new TunnelStats(options);
        var gated = new TunnelStats(options);
        var other = "u.example.org"u8.ToArray();
        var crossings = 0;
        for (var i = 0; i < 4000; i++)
        {
            var zone = random.Next(4) == 0 ? other : s_zone;
            var subdomain = random.Next(3) == 0 ? "www" : new string(Enumerable.Range(0, random.Next(1, 60)).Select(_ => "abcdefghijklmnopqrstuvwxyz234567"[random.Next(32)]).ToArray());
            var name = random.Next(50) == 0 ? Encoding.ASCII.GetBytes(subdomain + ".elsewhere.net") : Encoding.ASCII.GetBytes(subdomain + "." + Encoding.ASCII.GetString(zone));
            var qtype = random.Next(2) == 0 ? DnsType.TXT : DnsType.A;
            var client = IpAddr.FromIPv4(0x0A4D0000u + (uint)random.Next(3));
            var at = i * 400_000L;
            var expected = full.Observe(client, name, zone, qtype, at, out var first);
            var crossed = gated.TryObserveCrossing(client, gated.Prepare(name, zone), qtype, at, out var score);
            Assert.Equal(first, crossed);
            if (crossed)
            {
                Assert.Equal(expected, score);
                crossings++;
            }
        }
        Assert.True(crossings > 0);
        Assert.Equal(full.Mismatched, gated.Mismatched);
    }
}
