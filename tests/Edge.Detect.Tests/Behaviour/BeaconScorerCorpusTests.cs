using Edge.Detect.Behaviour;
using Edge.Watch.Net;

namespace Edge.Detect.Tests.Behaviour;

public sealed class BeaconScorerCorpusTests
{
    private static readonly BeaconKey s_beacon = new(IpAddr.Parse("10.77.0.51"), IpAddr.Parse("203.0.113.66"), 8080);

    [Theory]
    [InlineData("cnc-beacon")]
    [InlineData("mixed")]
    public void The_corpus_beacon_is_the_only_beacon(string scenario)
    {
        var (scorer, crossed) = Replay(scenario);
        Assert.Equal([s_beacon], crossed);
        Assert.True(scorer.TryGetScore(s_beacon, out var score));
        Assert.True(score.IsBeacon, score.ToString());
        Assert.InRange(score.MeanIntervalSeconds, 2.9, 3.2);
        Assert.InRange(score.Cv, 0, 0.1);
    }

    [Fact]
    public void No_series_of_the_benign_capture_crosses()
    {
        var (scorer, crossed) = Replay("benign");
        Assert.Empty(crossed);
        Assert.True(scorer.Count > 0);
    }

    private static (BeaconScorer Scorer, List<BeaconKey> Crossed) Replay(string scenario)
    {
        var scorer = new BeaconScorer(new BeaconOptions());
        var crossed = new List<BeaconKey>();
        foreach (var (key, start, bytes) in ConnectionStarts.Read(scenario))
        {
            scorer.Observe(key, start, bytes, out var first);
            if (first)
                crossed.Add(key);
        }
        return (scorer, crossed);
    }
}
