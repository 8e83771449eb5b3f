using Edge.Resolve.Tests.TestSupport.Net;
using Edge.Resolve.Upstream;

namespace Edge.Resolve.Tests.Upstream;

public sealed class DnsOverTlsTests
{
    [Fact]
    public async Task Queries_go_over_one_persistent_tls_connection()
    {
        using var upstream = new NetTlsUpstream();
        await using var rig = NetForwarderRig.Start(0, servers: [Tls(upstream, NetTlsUpstream.ServerName)]);

        var first = await rig.QueryAsync("one.example.com", id: 1);
        var second = await rig.QueryAsync("two.example.com", id: 2);

        Assert.Equal(NetFakeUpstream.DefaultAnswer, NetDnsMessages.LastAddress(first!));
        Assert.Equal(2, NetDnsMessages.Id(second!));
        Assert.Equal(1, upstream.Connections);
        Assert.Equal(1, rig.Forwarder.Counters.TlsConnects);
        Assert.Equal(2, upstream.Queries.Count);
    }

    [Fact]
    public async Task Pipelined_queries_are_matched_when_answers_come_back_in_another_order()
    {
        using var upstream = new NetTlsUpstream { AnswerInReverseBatchesOf = 3 };
        await using var rig = NetForwarderRig.Start(0, servers: [Tls(upstream, NetTlsUpstream.ServerName)]);

        var answers = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => rig.QueryAsync($"n{i}.example.com", id: (ushort)i)));

        Assert.All(answers, Assert.NotNull);
        Assert.Equal([1, 2, 3], answers.Select(a => (int)NetDnsMessages.Id(a!)).Order());
        Assert.All(rig.Resolver.Completed, a => Assert.StartsWith("n", NetDnsMessages.QuestionName(a), StringComparison.Ordinal));
        Assert.Equal(0, rig.Forwarder.Counters.MismatchedAnswers);
        Assert.Equal(1, upstream.Connections);
    }

    [Fact]
    public async Task A_closed_connection_is_opened_again_for_the_next_query()
    {
        using var upstream = new NetTlsUpstream { CloseAfterAnswering = true };
        await using var rig = NetForwarderRig.Start(0, servers: [Tls(upstream, NetTlsUpstream.ServerName)]);

        Assert.NotNull(await rig.QueryAsync("one.example.com"));
        Assert.True(await NetClient.UntilAsync(() => rig.Forwarder.Counters.UpstreamErrors == 1));
        Assert.NotNull(await rig.QueryAsync("two.example.com"));

        Assert.Equal(2, upstream.Connections);
    }

    [Fact]
    public async Task A_certificate_for_another_name_is_refused_and_the_next_upstream_answers()
    {
        using var upstream = new NetTlsUpstream();
        using var plain = new NetFakeUpstream();
        await using var rig = NetForwarderRig.Start(0, servers: [Tls(upstream, "other.test"), new UpstreamServer(plain.Endpoint, UpstreamProtocol.Udp)]);

        var answer = await rig.QueryAsync("www.example.com");

        Assert.NotNull(answer);
        Assert.Single(plain.UdpQueries);
        Assert.Empty(upstream.Queries);
        Assert.Equal(0, rig.Forwarder.Counters.TlsConnects);
    }

    [Fact]
    public async Task A_certificate_no_configured_authority_vouches_for_is_refused()
    {
        using var upstream = new NetTlsUpstream();
        await using var rig = NetForwarderRig.Start(0, servers: [Tls(upstream, NetTlsUpstream.ServerName) with { TlsCaFile = null }]);

        var answer = await rig.QueryAsync("www.example.com");

        Assert.NotNull(answer);
        Assert.Equal(2, NetDnsMessages.Rcode(answer));
        Assert.Empty(upstream.Queries);
    }

    private static UpstreamServer Tls(NetTlsUpstream upstream, string name) =>
        new(upstream.Endpoint, UpstreamProtocol.Tls, name, upstream.CaFile);
}
