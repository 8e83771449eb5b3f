namespace Edge.IntegrationTests.Dns;

/// <summary>Edge's only upstream forges answers before the true one (wrong id, another question,
/// another source port): the client gets the true answer, the cache keeps it, and Edge's upstream
/// queries use random ids and source ports.</summary>
[Collection(DnsLabCollection.Name)]
public sealed class SpoofTests
{
    private static readonly string True = FakeUpstream.TrueAddress.ToString();

    [Fact]
    public void Forged_answers_are_ignored_and_the_cache_holds_the_true_one()
    {
        using var lab = DnsLab.Create();
        var fake = lab.StartFakeUpstream();
        new EdgeForwarder(lab).Upstream($"{lab.FakeAddress}:53").Timeouts(1000, 3000).Start();

        const string target = "bank.lab.test";
        var first = lab.Dig.Query(lab.SensorAddress, target, "A", "+time=4");
        Assert.True(first.Status == "NOERROR" && first.Data("A").SequenceEqual([True]), $"the first answer:\n{first.Raw}");
        var asked = fake.CountFor(target);
        Assert.True(asked >= 1, "Edge never asked the fake upstream");
        for (var again = 0; again < 3; again++)
        {
            var cached = lab.Dig.Query(lab.SensorAddress, target, "A", "+time=4");
            Assert.True(cached.Status == "NOERROR" && cached.Data("A").SequenceEqual([True]), $"asked again:\n{cached.Raw}");
            Assert.True(cached.Answer[0].Ttl <= 300, cached.Raw);
        }
        Assert.True(fake.CountFor(target) == asked, $"the repeats were not answered from the cache: the upstream saw {fake.CountFor(target)} queries, {asked} before them");
        Assert.Null(fake.Failure);
    }

    [Fact]
    public void Upstream_queries_use_random_ids_and_source_ports()
    {
        using var lab = DnsLab.Create();
        var fake = lab.StartFakeUpstream();
        new EdgeForwarder(lab).Upstream(lab.FakeAddress).Timeouts(1000, 3000).Start();
        const int names = 24;
        for (var i = 0; i < names; i++)
        {
            var name = $"r{i}.lab.test";
            var reply = TimedQuery.Ask(lab.Client, lab.SensorAddress, name, LabDns.TypeA, TimeSpan.FromSeconds(4));
            Assert.True(reply is { Rcode: 0 }, $"{name}: {reply?.ToString() ?? "no reply"}");
        }
        var queries = fake.Seen.Where(q => q.Name.StartsWith('r')).ToArray();
        Assert.True(queries.Length >= names, $"the upstream saw {queries.Length} of {names} queries");
        var ids = queries.Select(q => q.Id).ToArray();
        var ports = queries.Select(q => q.SourcePort).ToArray();
        var what = $"ids {string.Join(',', ids)}; ports {string.Join(',', ports)}";
        // 24 ids drawn from 65,536: a repeat has a chance below 0.5 %; counters and constants fail.
        Assert.True(ids.Distinct().Count() >= names - 1, what);
        Assert.False(ids.Zip(ids.Skip(1)).All(p => (ushort)(p.Second - p.First) == (ushort)(ids[1] - ids[0])), $"ids in arithmetic sequence: {what}");
        // A port per query (or from a large random pool): a fixed handful of sockets is guessable.
        Assert.True(ports.Distinct().Count() >= names / 2, $"too few distinct source ports: {what}");
        Assert.DoesNotContain(53, ports);
    }
}
