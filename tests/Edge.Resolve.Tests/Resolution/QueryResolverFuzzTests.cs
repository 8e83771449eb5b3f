using System.Buffers.Binary;
using Edge.Detect.Intel;
using Edge.Resolve.Policy;
using Edge.Resolve.Resolution;
using Edge.Resolve.Tests.TestSupport;
using Edge.Watch.Decoding;
using Edge.Watch.Dns;

namespace Edge.Resolve.Tests.Resolution;

/// <summary>Mutated real queries (the corpora's dig, kdig and iodine queries plus built ones)
/// through Decide, and mutated real answers through Complete and then Decide from the cache: no
/// exception, no response over the client's limit, every written response parses and carries the
/// query's id. EDGE_FUZZ_ITERATIONS (default 1,000,000 per test) and EDGE_FUZZ_SEED override.</summary>
public class QueryResolverFuzzTests
{
    private const int MaxUdp = 1232;

    private static QueryResolver Resolver() => Resolvers.Create(
        new ResolverOptions { CacheBytes = 256 * 1024, MaxUdpResponse = MaxUdp },
        intel: Resolvers.Snapshot(
            ("evil.example", new IntelList("feed", IntelCategories.Phishing)),
            ("local.example", new IntelList("z", "rpz", IntelAction.LocalData, localData: [System.Net.IPAddress.Parse("192.0.2.1")])),
            ("com", new IntelList("z", "rpz", IntelAction.NoData, IntelScope.Exact))),
        shards: 4);

    private static byte[][] QuerySeeds() =>
    [
        .. CorpusDns.Queries.Take(400),
        Query.Build("www.example.com"),
        Query.Build("WwW.EvIl.ExAmple", type: 28, edns: new Edns(4096, DnssecOk: true)),
        Query.Build("local.example", edns: new Edns(1400, OptionBytes: [0, 10, 0, 8, 1, 2, 3, 4, 5, 6, 7, 8])),
        Query.Build("example.com", type: 255),
        Query.Build(".", type: 2, edns: new Edns(512)),
    ];

    [Fact]
    public void Mutated_queries_never_break_decide()
    {
        Assert.True(CorpusDns.Queries.Length > 100, $"only {CorpusDns.Queries.Length} corpus queries");
        var seeds = QuerySeeds();
        var resolver = Resolver();
        // Some answers in the cache, so mutated queries also hit it.
        foreach (var seed in seeds.Take(50))
            resolver.Complete(seed, Answer.Build(seed, answers: [Answer.A("192.0.2.7", 3600)]));
        var mutator = new DnsMutator(DnsMutator.Seed);
        var input = new byte[1024];
        var response = new byte[65535];
        var iterations = DnsMutator.Iterations(1_000_000);
        var answered = 0;
        for (var i = 0; i < iterations; i++)
        {
            var length = mutator.Mutate(seeds[mutator.Random.Next(seeds.Length)], input);
            var query = input.AsSpan(0, length);
            var transport = (i & 7) == 0 ? DnsTransport.Tcp : DnsTransport.Udp;
            var verdict = resolver.Decide(query, Resolvers.Client, transport, response, out var written);
            if (verdict is QueryVerdict.Answered or QueryVerdict.Blocked)
            {
                answered++;
                CheckResponse(query, response.AsSpan(0, written), transport, i);
            }
            else if (written != 0)
            {
                Fail(i, query, $"{verdict} with {written} bytes");
            }
        }
        Assert.True(answered > iterations / 10, $"only {answered} answered of {iterations}");
    }

    [Fact]
    public void Mutated_answers_never_break_complete_or_the_cache()
    {
        var pairs = AnswerSeeds();
        Assert.True(pairs.Length > 100, $"only {pairs.Length} corpus answers");
        var resolver = Resolver();
        var mutator = new DnsMutator(DnsMutator.Seed + 1);
        var input = new byte[2048];
        var response = new byte[65535];
        var iterations = DnsMutator.Iterations(1_000_000);
        var used = 0;
        for (var i = 0; i < iterations; i++)
        {
            var (query, answer) = pairs[mutator.Random.Next(pairs.Length)];
            var length = mutator.Mutate(answer, input);
            var transport = (i & 7) == 0 ? DnsTransport.Tcp : DnsTransport.Udp;
            var written = resolver.Complete(query, input.AsSpan(0, length), transport, response);
            if (written > 0)
            {
                used++;
                CheckResponse(query, response.AsSpan(0, written), transport, i);
            }
            // Whatever got cached is served intact.
            var verdict = resolver.Decide(query, Resolvers.Client, transport, response, out written);
            if (verdict == QueryVerdict.Answered)
                CheckResponse(query, response.AsSpan(0, written), transport, i);
        }
        Assert.True(used > iterations / 20, $"only {used} of {iterations} mutated answers usable");
        Assert.True(resolver.Counters.AnsweredFromCache > 0);
    }

    /// <summary>Each corpus answer with the query it answers (its question, QR cleared, EDNS kept when it had it).</summary>
    private static (byte[] Query, byte[] Answer)[] AnswerSeeds()
    {
        var pairs = new List<(byte[], byte[])>();
        foreach (var answer in CorpusDns.Responses)
        {
            if (DnsMessageReader.TryParse(answer, out var dns, out _) != ParseStatus.Done || dns.QuestionCount != 1)
                continue;
            var name = new byte[DnsName.MaxPresentationLength];
            if (!DnsName.TryRead(answer, dns.QuestionNameOffset, name, out var written) || written > 250)
                continue;
            var text = System.Text.Encoding.ASCII.GetString(name, 0, written);
            if (text.Contains('\\', StringComparison.Ordinal))
                continue;
            var query = Query.Build(text, dns.QuestionType, dns.Id, (ushort)(BinaryPrimitives.ReadUInt16BigEndian(answer.AsSpan(2)) & 0x0110),
                dns.HasEdns ? new Edns(4096, DnssecOk: dns.EdnsDnssecOk) : null, dns.QuestionClass);
            pairs.Add((query, answer));
        }
        return [.. pairs];
    }

    private static void CheckResponse(ReadOnlySpan<byte> query, ReadOnlySpan<byte> response, DnsTransport transport, int iteration)
    {
        var limit = transport == DnsTransport.Tcp ? 65535 : MaxUdp;
        if (response.Length < 12 || response.Length > limit)
            Fail(iteration, query, $"response of {response.Length} bytes");
        if (DnsMessageReader.TryParse(response, out var dns, out var error) != ParseStatus.Done)
            Fail(iteration, query, $"unparseable response ({error}): {Convert.ToHexString(response)}");
        if (!dns.IsResponse || dns.Id != BinaryPrimitives.ReadUInt16BigEndian(query))
            Fail(iteration, query, "not a response with the query's id");
        if (transport == DnsTransport.Udp && !dns.HasEdns && response.Length > 512)
            Fail(iteration, query, $"{response.Length} bytes to a client without EDNS");
    }

    private static void Fail(int iteration, ReadOnlySpan<byte> query, string what) =>
        Assert.Fail($"seed {DnsMutator.Seed} iteration {iteration}: {what}; query {Convert.ToHexString(query)}");
}
