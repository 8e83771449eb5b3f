using Edge.Resolve.Tests.TestSupport.Net;

namespace Edge.Resolve.Tests.Server;

public sealed class PrefetchLoopTests
{
    [Fact]
    public async Task Queries_the_cache_wants_refreshed_are_asked_upstream_on_the_prefetch_tick()
    {
        await using var rig = NetForwarderRig.Start(configure: o => o with { PrefetchInterval = TimeSpan.FromMilliseconds(250) });
        rig.Resolver.Prefetch.Enqueue(NetDnsMessages.Query("hot.example.com", 42));
        rig.Resolver.Prefetch.Enqueue(NetDnsMessages.Query("warm.example.com", 43));

        rig.Time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Empty(rig.Upstreams[0].UdpQueries);
        rig.Time.Advance(TimeSpan.FromMilliseconds(50));

        Assert.True(await NetClient.UntilAsync(() => rig.Resolver.Completed.Count == 2));
        Assert.Equal(["hot.example.com", "warm.example.com"], rig.Resolver.Completed.Select(a => NetDnsMessages.QuestionName(a)).Order());
        Assert.Equal(2, rig.Forwarder.Counters.Prefetches);
        Assert.Empty(rig.Tap.Exchanges);
    }
}
