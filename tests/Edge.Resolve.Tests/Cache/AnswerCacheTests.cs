using Edge.Resolve.Policy;
using Edge.Resolve.Resolution;
using Edge.Resolve.Tests.TestSupport;

namespace Edge.Resolve.Tests.Cache;

/// <summary>The cache through the resolver: Complete stores, Decide serves.</summary>
public class AnswerCacheTests
{
    private readonly TestClock _clock = new();

    private QueryResolver Resolver(ResolverOptions? options = null) => Resolvers.Create(options, time: _clock);

    private static byte[] PositiveAnswer(byte[] query, uint ttl = 300, Edns? edns = null) =>
        Answer.Build(query, answers: [Answer.A("192.0.2.1", ttl), Answer.A("192.0.2.2", ttl)], edns: edns);

    [Fact]
    public void A_cached_answer_ages_its_ttls_and_expires()
    {
        var resolver = Resolver();
        var query = Query.Build("www.example.com");
        Assert.NotEmpty(resolver.Complete(query, PositiveAnswer(query, 300)));

        _clock.Advance(TimeSpan.FromSeconds(100.5));
        var (verdict, response) = resolver.Ask(Query.Build("www.example.com", id: 7));
        Assert.Equal(QueryVerdict.Answered, verdict);
        var decoded = Decoded.Of(response);
        Assert.Equal(7, decoded.Id);
        Assert.All(decoded.Answers, a => Assert.Equal(200u, a.Ttl));
        Assert.Equal(2, decoded.Answers.Count());

        _clock.Advance(TimeSpan.FromSeconds(199.4));
        Assert.Equal(QueryVerdict.Answered, resolver.Ask(query).Verdict);
        Assert.All(Decoded.Of(resolver.Ask(query).Response).Answers, a => Assert.Equal(1u, a.Ttl));
        _clock.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal(QueryVerdict.NeedsUpstream, resolver.Ask(query).Verdict);
        Assert.Equal(1, resolver.Counters.Upstream);
    }

    [Fact]
    public void Ttls_of_records_age_together_and_never_below_zero()
    {
        var resolver = Resolver(new ResolverOptions { MinTtl = TimeSpan.FromSeconds(60) });
        var query = Query.Build("short.example");
        resolver.Complete(query, Answer.Build(query, answers: [Answer.A("192.0.2.1", 10), Answer.A("192.0.2.2", 50)]));
        _clock.Advance(TimeSpan.FromSeconds(30));
        var ttls = Decoded.Of(resolver.Ask(query).Response).Answers.Select(a => a.Ttl).ToArray();
        Assert.Equal([0u, 20u], ttls);
    }

    [Fact]
    public void Another_client_gets_its_id_and_its_0x20_question_case()
    {
        var resolver = Resolver();
        var first = Query.Build("WWW.example.COM", id: 1);
        resolver.Complete(first, PositiveAnswer(first));
        var second = Query.Build("wWw.ExAmPlE.cOm", id: 2);
        var (verdict, response) = resolver.Ask(second);
        Assert.Equal(QueryVerdict.Answered, verdict);
        Assert.Equal(second[2] & 0x01, response[2] & 0x01);
        Assert.Equal(second[12..], response[12..second.Length]);
        Assert.Equal("wWw.ExAmPlE.cOm", Decoded.Of(response).QuestionName);
        Assert.Equal(2, Decoded.Of(response).Id);
    }

    [Fact]
    public void The_opt_record_is_the_clients_own_or_none()
    {
        var resolver = Resolver();
        var edns = Query.Build("opt.example", edns: new Edns(4096));
        resolver.Complete(edns, PositiveAnswer(edns, edns: new Edns(4096, OptionBytes: [0, 10, 0, 8, 1, 2, 3, 4, 5, 6, 7, 8])));

        var plain = Decoded.Of(resolver.Ask(Query.Build("opt.example")).Response);
        Assert.False(plain.HasEdns);
        Assert.Equal(2, plain.Answers.Count());

        var again = Decoded.Of(resolver.Ask(Query.Build("opt.example", edns: new Edns(1400))).Response);
        Assert.True(again.HasEdns);
        Assert.Equal(1232, again.EdnsUdpSize);
        Assert.Single(again.Records, r => r.Type == 41);
        Assert.Empty(again.Records.Single(r => r.Type == 41).Data); // the upstream's cookie is not passed on
    }

    [Fact]
    public void Dnssec_ok_and_checking_disabled_are_cached_apart()
    {
        var resolver = Resolver();
        var plain = Query.Build("sec.example", edns: new Edns());
        resolver.Complete(plain, PositiveAnswer(plain));
        Assert.Equal(QueryVerdict.NeedsUpstream, resolver.Ask(Query.Build("sec.example", edns: new Edns(DnssecOk: true))).Verdict);
        Assert.Equal(QueryVerdict.NeedsUpstream, resolver.Ask(Query.Build("sec.example", flags: 0x0110, edns: new Edns())).Verdict);
        Assert.Equal(QueryVerdict.NeedsUpstream, resolver.Ask(Query.Build("sec.example", type: 28, edns: new Edns())).Verdict);
        Assert.Equal(QueryVerdict.Answered, resolver.Ask(Query.Build("SEC.example")).Verdict);
    }

    [Fact]
    public void Negative_answers_are_cached_for_the_lesser_of_soa_ttl_and_minimum()
    {
        var resolver = Resolver();
        var query = Query.Build("no-such-host.example");
        resolver.Complete(query, Answer.Build(query, rcode: 3, authority: [Answer.Soa(3600, 60)]));
        _clock.Advance(TimeSpan.FromSeconds(59));
        var (verdict, response) = resolver.Ask(query);
        Assert.Equal(QueryVerdict.Answered, verdict);
        var decoded = Decoded.Of(response);
        Assert.Equal(3, decoded.Rcode);
        Assert.Equal(3541u, Assert.Single(decoded.Authority).Ttl);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(QueryVerdict.NeedsUpstream, resolver.Ask(query).Verdict);
    }

    [Fact]
    public void Nodata_is_cached_and_capped_by_max_negative_ttl()
    {
        var resolver = Resolver(new ResolverOptions { MaxNegativeTtl = TimeSpan.FromSeconds(120) });
        var query = Query.Build("nodata.example", type: 28);
        resolver.Complete(query, Answer.Build(query, authority: [Answer.Soa(86400, 86400)]));
        _clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(QueryVerdict.Answered, resolver.Ask(query).Verdict);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(QueryVerdict.NeedsUpstream, resolver.Ask(query).Verdict);
    }

    [Fact]
    public void Negative_answers_without_soa_are_not_cached()
    {
        var resolver = Resolver();
        var query = Query.Build("nosoa.example");
        Assert.NotEmpty(resolver.Complete(query, Answer.Build(query, rcode: 3)));
        Assert.Equal(QueryVerdict.NeedsUpstream, resolver.Ask(query).Verdict);
    }

    [Fact]
    public void Servfail_is_kept_for_seconds_only()
    {
        var resolver = Resolver();
        var query = Query.Build("broken.example");
        resolver.Complete(query, Answer.Build(query, rcode: 2));
        Assert.Equal(2, Decoded.Of(resolver.Ask(query).Response).Rcode);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(QueryVerdict.NeedsUpstream, resolver.Ask(query).Verdict);
        var off = Resolver(new ResolverOptions { ServFailTtl = TimeSpan.Zero });
        off.Complete(query, Answer.Build(query, rcode: 2));
        Assert.Equal(QueryVerdict.NeedsUpstream, off.Ask(query).Verdict);
    }

    [Fact]
    public void Truncated_refused_and_zero_ttl_answers_are_not_cached()
    {
        var resolver = Resolver();
        var tc = Query.Build("tc.example");
        var tcAnswer = Answer.Build(tc, answers: [Answer.A("192.0.2.1", 300)], extraFlags: 0x0280);
        Assert.True(Decoded.Of(resolver.Complete(tc, tcAnswer)).Truncated);
        Assert.Equal(QueryVerdict.NeedsUpstream, resolver.Ask(tc).Verdict);
        var refused = Query.Build("refused.example");
        Assert.NotEmpty(resolver.Complete(refused, Answer.Build(refused, rcode: 5)));
        Assert.Equal(QueryVerdict.NeedsUpstream, resolver.Ask(refused).Verdict);
        var zero = Query.Build("zero.example");
        resolver.Complete(zero, PositiveAnswer(zero, 0));
        Assert.Equal(QueryVerdict.NeedsUpstream, resolver.Ask(zero).Verdict);
    }

    [Fact]
    public void Ttls_are_capped_by_max_ttl()
    {
        var resolver = Resolver(new ResolverOptions { MaxTtl = TimeSpan.FromSeconds(600) });
        var query = Query.Build("long.example");
        resolver.Complete(query, PositiveAnswer(query, 604800));
        _clock.Advance(TimeSpan.FromSeconds(599));
        Assert.Equal(QueryVerdict.Answered, resolver.Ask(query).Verdict);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(QueryVerdict.NeedsUpstream, resolver.Ask(query).Verdict);
    }

    [Fact]
    public void A_hot_entry_is_offered_for_prefetch_once_in_its_last_tenth()
    {
        var resolver = Resolver();
        var query = Query.Build("hot.example", flags: 0x0110);
        resolver.Complete(query, PositiveAnswer(query, 200));
        var prefetch = new byte[512];
        for (var i = 0; i < 3; i++)
            resolver.Ask(query);
        Assert.False(resolver.TryTakePrefetch(prefetch, out _));
        _clock.Advance(TimeSpan.FromSeconds(179)); // 21 s left of 200: not yet (window 20 s)
        resolver.Ask(query);
        Assert.False(resolver.TryTakePrefetch(prefetch, out _));
        _clock.Advance(TimeSpan.FromSeconds(2));
        resolver.Ask(query);
        Assert.True(resolver.TryTakePrefetch(prefetch, out var length));
        resolver.Ask(query);
        Assert.False(resolver.TryTakePrefetch(prefetch, out _));
        Assert.Equal(1, resolver.Counters.Prefetched);

        var decoded = Decoded.Of(prefetch.AsSpan(0, length));
        Assert.False(decoded.Response);
        Assert.True(decoded.RecursionDesired);
        Assert.Equal("hot.example", decoded.QuestionName);
        Assert.True(decoded.HasEdns);
        Assert.Equal(0x10, prefetch[3] & 0x10); // CD kept: same cache key

        // The refreshed answer replaces the entry with a full TTL.
        var refresh = prefetch[..length];
        Assert.NotEmpty(resolver.Complete(refresh, Answer.Build(refresh, answers: [Answer.A("192.0.2.9", 200)], edns: new Edns())));
        _clock.Advance(TimeSpan.FromSeconds(100));
        var served = Decoded.Of(resolver.Ask(query).Response);
        Assert.Equal(100u, Assert.Single(served.Answers).Ttl);
    }

    [Fact]
    public void A_cold_entry_is_not_prefetched()
    {
        var resolver = Resolver();
        var query = Query.Build("cold.example");
        resolver.Complete(query, PositiveAnswer(query, 30));
        _clock.Advance(TimeSpan.FromSeconds(25));
        resolver.Ask(query);
        resolver.Ask(query);
        Assert.False(resolver.TryTakePrefetch(new byte[512], out _));
    }

    [Fact]
    public void A_full_cache_evicts_stays_within_budget_and_keeps_its_throughput()
    {
        const long budget = 4L * 1024 * 1024;
        var resolver = Resolvers.Create(new ResolverOptions { CacheBytes = budget }, time: _clock, shards: 1);
        var response = new byte[65535];
        var started = System.Diagnostics.Stopwatch.StartNew();
        const int names = 200_000;
        for (var i = 0; i < names; i++)
        {
            var query = Query.Build($"host-{i}.example.net", id: (ushort)i);
            resolver.Complete(query, PositiveAnswer(query, 3600), DnsTransport.Udp, response);
            Assert.Equal(QueryVerdict.Answered, resolver.Decide(query, Resolvers.Client, DnsTransport.Udp, response, out _));
        }
        started.Stop();
        var counters = resolver.Counters;
        Assert.InRange(counters.CacheBytes, budget * 9 / 10, budget);
        Assert.True(counters.CacheEvictions > names / 2, $"{counters.CacheEvictions} evictions");
        Assert.Equal(counters.CacheEntries, resolver.Cache.Count);
        // An O(entries) eviction would take minutes here (20,000 entries × 180,000 evictions).
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"{started.Elapsed} for {names} store + serve on a full cache");
        Assert.Equal(QueryVerdict.Answered, resolver.Ask(Query.Build($"host-{names - 1}.example.net")).Verdict);
    }

    [Fact]
    public void Clock_keeps_what_is_asked_for_and_evicts_what_is_not()
    {
        var resolver = Resolvers.Create(new ResolverOptions { CacheBytes = 64 * 1024 }, time: _clock, shards: 1);
        var hot = Query.Build("hot.example.net");
        resolver.Complete(hot, PositiveAnswer(hot, 3600));
        for (var i = 0; i < 5000; i++)
        {
            Assert.Equal(QueryVerdict.Answered, resolver.Ask(hot).Verdict);
            var query = Query.Build($"cold-{i}.example.net");
            resolver.Complete(query, PositiveAnswer(query, 3600));
        }
        Assert.True(resolver.Counters.CacheEvictions > 4000);
        Assert.Equal(QueryVerdict.Answered, resolver.Ask(hot).Verdict);
        Assert.Equal(QueryVerdict.NeedsUpstream, resolver.Ask(Query.Build("cold-0.example.net")).Verdict);
    }

    [Fact]
    public async Task Many_threads_reading_and_writing_a_small_cache_always_get_the_right_answer()
    {
        // A budget of a few hundred entries, so threads evict each other's entries all along.
        var resolver = Resolvers.Create(new ResolverOptions { CacheBytes = 64 * 1024 }, time: _clock, shards: 4);
        var token = TestContext.Current.CancellationToken;
        var tasks = Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            var random = new Random(t);
            var response = new byte[65535];
            for (var i = 0; i < 50_000; i++)
            {
                var n = random.Next(2000);
                var query = Query.Build($"n{n}.example", id: (ushort)i);
                var verdict = resolver.Decide(query, Resolvers.Client, DnsTransport.Udp, response, out var length);
                if (verdict == QueryVerdict.NeedsUpstream)
                {
                    var answer = Answer.Build(query, answers: [Answer.A($"10.{n >> 8}.{n & 255}.1", 3600)]);
                    length = resolver.Complete(query, answer, DnsTransport.Udp, response);
                }
                var decoded = Decoded.Of(response.AsSpan(0, length));
                Assert.Equal((ushort)i, decoded.Id);
                Assert.Equal(new byte[] { 10, (byte)(n >> 8), (byte)(n & 255), 1 }, Assert.Single(decoded.Answers).Data);
            }
        }, token)).ToArray();
        await Task.WhenAll(tasks);
        Assert.True(resolver.Counters.CacheEvictions > 1000);
        Assert.True(resolver.Counters.AnsweredFromCache > 1000);
        Assert.Equal(resolver.Cache.Count, resolver.Counters.CacheEntries);
    }
}
