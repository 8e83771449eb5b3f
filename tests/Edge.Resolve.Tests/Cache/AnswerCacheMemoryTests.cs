using Edge.Resolve.Resolution;
using Edge.Resolve.Tests.TestSupport;

namespace Edge.Resolve.Tests.Cache;

/// <summary>What the cache costs in memory, and whether its byte budget charges what it really holds.</summary>
[Collection(nameof(MeasurementCollection))]
public sealed class AnswerCacheMemoryTests
{
    private const int Entries = 10_000;

    [Fact]
    public void An_idle_resolver_allocates_little()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var idle = Resolvers.Create(shards: 16);
        var idleBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        TestContext.Current.TestOutputHelper?.WriteLine($"idle resolver: {idleBytes} bytes allocated");
        Assert.True(idleBytes < 1024 * 1024, $"an idle resolver allocated {idleBytes} bytes");
        GC.KeepAlive(idle);
    }

    [Fact]
    public void A_typical_a_entry_costs_under_300_bytes_and_the_budget_charges_it()
    {
        var queries = new byte[Entries][];
        var answers = new byte[Entries][];
        for (var i = 0; i < Entries; i++)
        {
            queries[i] = Query.Build($"www.site-{i}.example.com");
            answers[i] = Answer.Build(queries[i], answers: [Answer.A("192.0.2.1", 3600)]);
        }
        var response = new byte[65535];

        // The least of three fills: a finalizer or timer of an earlier test can only add to a reading.
        var perEntry = double.MaxValue;
        var charged = 0.0;
        for (var attempt = 0; attempt < 3 && perEntry >= 300; attempt++)
        {
            var resolver = Resolvers.Create(shards: 16);
            var live = GC.GetTotalMemory(forceFullCollection: true);
            for (var i = 0; i < Entries; i++)
                resolver.Complete(queries[i], answers[i], DnsTransport.Udp, response);
            perEntry = Math.Min(perEntry, (GC.GetTotalMemory(forceFullCollection: true) - live) / (double)Entries);
            charged = resolver.Counters.CacheBytes / (double)resolver.Counters.CacheEntries;
            GC.KeepAlive(resolver);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"A answer of {answers[0].Length} bytes: {perEntry:F0} bytes live per entry, {charged:F0} charged");
        Assert.True(perEntry < 300, $"{perEntry} bytes per entry");
        Assert.True(charged >= perEntry * 0.9, $"charged {charged} for {perEntry} live");
    }
}
