using Edge.Detect.Behaviour;
using Edge.Watch.Net;

namespace Edge.Detect.Tests.Behaviour;

public sealed class BeaconScorerTests
{
    private static readonly BeaconKey s_key = new(IpAddr.Parse("10.77.0.51"), IpAddr.Parse("203.0.113.66"), 8080);

    [Fact]
    public void A_beacon_keeps_its_history_while_other_series_make_the_table_grow()
    {
        var scorer = new BeaconScorer(new BeaconOptions());
        var crossings = new List<int>();
        long now = 1_000_000;
        for (var i = 1; i <= 40; i++)
        {
            now += 3_000_000;
            if (scorer.Observe(s_key, now, 380, out var first).IsBeacon && first)
                crossings.Add(i);
            // 100 other series between two beacon starts: the table doubles several times.
            for (var other = 0; other < 100; other++)
                scorer.Observe(new BeaconKey(IpAddr.Parse("10.77.0.52"), s_key.Server, (ushort)(i * 100 + other)), now, 100);
        }
        Assert.Equal([8], crossings);
        Assert.Equal(0, scorer.Evictions);
        Assert.Equal(4001, scorer.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_3s_beacon_with_10_percent_jitter_is_a_beacon_once(int seed)
    {
        var random = new Random(seed);
        var scorer = new BeaconScorer(new BeaconOptions());
        var crossings = new List<int>();
        long now = 1_000_000;
        BeaconScore score = default;
        for (var i = 1; i <= 40; i++)
        {
            now += (long)(3_000_000 * (0.9 + 0.2 * random.NextDouble()));
            score = scorer.Observe(s_key, now, 380 + random.Next(8), out var first);
            if (first)
                crossings.Add(i);
        }
        Assert.True(score.IsBeacon, score.ToString());
        Assert.True(score.Score >= 0.85, score.ToString());
        Assert.Equal([8], crossings);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void Exponential_gaps_like_browsing_are_not(int seed)
    {
        var random = new Random(seed);
        var scorer = new BeaconScorer(new BeaconOptions());
        long now = 0;
        for (var i = 0; i < 60; i++)
        {
            now += (long)(-Math.Log(1 - random.NextDouble()) * 3_000_000);
            var score = scorer.Observe(s_key, now, 300 + random.Next(5000));
            Assert.False(score.IsBeacon, score.ToString());
            if (i > 20)
                Assert.True(score.Score < 0.5, score.ToString());
        }
    }

    [Fact]
    public void Bursts_with_pauses_are_not_even_with_identical_sizes()
    {
        var random = new Random(7);
        var scorer = new BeaconScorer(new BeaconOptions());
        long now = 0;
        for (var burst = 0; burst < 12; burst++)
        {
            now += 20_000_000 + random.Next(20_000_000);
            for (var i = 0; i < 5; i++)
            {
                now += random.Next(50_000);
                var score = scorer.Observe(s_key, now, 512);
                Assert.False(score.IsBeacon, score.ToString());
            }
        }
    }

    [Fact]
    public void A_perfect_beacon_faster_than_one_second_scores_high_but_is_not_a_beacon()
    {
        var scorer = new BeaconScorer(new BeaconOptions());
        BeaconScore score = default;
        for (var i = 0; i < 30; i++)
            score = scorer.Observe(s_key, i * 200_000L, 0);
        Assert.True(score.Score > 0.9);
        Assert.False(score.IsBeacon);
        Assert.True(double.IsNaN(score.SizeRegularity));
    }

    [Fact]
    public void Sizes_a_byte_apart_are_regular_not_skewed()
    {
        var scorer = new BeaconScorer(new BeaconOptions());
        BeaconScore score = default;
        for (var i = 0; i < 20; i++)
            score = scorer.Observe(s_key, i * 3_000_000L, i % 4 == 0 ? 381 : 380);
        Assert.Equal(1, score.SizeRegularity);
    }

    [Fact]
    public void Memory_is_capped_and_evictions_and_late_starts_are_counted()
    {
        var scorer = new BeaconScorer(new BeaconOptions { MaxSeries = 4 });
        for (ushort port = 1; port <= 10; port++)
            scorer.Observe(s_key with { Port = port }, 5_000_000, 0);
        Assert.Equal(4, scorer.Count);
        Assert.Equal(6, scorer.Evictions);
        Assert.False(scorer.TryGetScore(s_key with { Port = 1 }, out _));
        Assert.True(scorer.TryGetScore(s_key with { Port = 10 }, out _));

        scorer.Observe(s_key with { Port = 10 }, 4_000_000, 0);
        Assert.Equal(1, scorer.OutOfOrder);
    }

    [Theory]
    [InlineData(21, 0.1)]
    [InlineData(22, 0.3)]
    [InlineData(23, 0.6)]
    [InlineData(24, 1.0)]
    public void TryObserveCrossing_reports_exactly_the_crossings_of_Observe(int seed, double jitter)
    {
        // Several series interleaved, some periodic, some not, some out of order: the gated path must
        // cross on the same start with the same score as the full one.
        var random = new Random(seed);
        var full = new BeaconScorer(new BeaconOptions { MaxSeries = 4 });
        var gated = new BeaconScorer(new BeaconOptions { MaxSeries = 4 });
        var keys = Enumerable.Range(0, 6).Select(i => new BeaconKey(IpAddr.Parse($"10.77.0.{50 + i}"), IpAddr.Parse("203.0.113.66"), 8080)).ToArray();
        var now = new long[keys.Length];
        var crossings = 0;
        for (var i = 0; i < 3000; i++)
        {
            var k = random.Next(keys.Length);
            now[k] += random.Next(20) == 0 ? -1_000_000 : (long)(3_000_000 * (1 - jitter / 2 + jitter * random.NextDouble()));
            var bytes = random.Next(3) == 0 ? 0 : 400 + random.Next(10);
            var expected = full.Observe(keys[k], now[k], bytes, out var first);
            var crossed = gated.TryObserveCrossing(keys[k], now[k], bytes, out var score);
            Assert.Equal(first, crossed);
            if (crossed)
            {
                Assert.Equal(expected, score);
                crossings++;
            }
        }
        Assert.Equal(full.OutOfOrder, gated.OutOfOrder);
        Assert.Equal(full.Evictions, gated.Evictions);
        if (jitter <= 0.1)
            Assert.True(crossings > 0);
    }
}
