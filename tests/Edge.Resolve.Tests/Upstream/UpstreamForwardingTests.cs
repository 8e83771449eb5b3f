using System.Net;
using System.Net.Sockets;
using Edge.Resolve.Tests.TestSupport.Net;

namespace Edge.Resolve.Tests.Upstream;

public sealed class UpstreamForwardingTests
{
    private static readonly IPAddress Second = IPAddress.Parse("192.0.2.2");
    private static readonly IPAddress Forged = IPAddress.Parse("203.0.113.66");

    [Fact]
    public async Task A_query_the_resolver_cannot_answer_is_asked_upstream_and_answered_with_the_clients_id()
    {
        await using var rig = NetForwarderRig.Start();

        var answer = await rig.QueryAsync("www.example.com", id: 0x1234);

        Assert.NotNull(answer);
        Assert.Equal(0x1234, NetDnsMessages.Id(answer));
        Assert.Equal(NetFakeUpstream.DefaultAnswer, NetDnsMessages.LastAddress(answer));
        var (sent, _) = Assert.Single(rig.Upstreams[0].UdpQueries);
        Assert.Equal("www.example.com", NetDnsMessages.QuestionName(sent));
        Assert.Single(rig.Resolver.Completed);
        Assert.True(await NetClient.UntilAsync(() => !rig.Tap.Exchanges.IsEmpty));
        var exchange = Assert.Single(rig.Tap.Exchanges);
        Assert.Equal(QueryVerdict.NeedsUpstream, exchange.Verdict);
        Assert.Equal(answer, exchange.Response);
        Assert.Equal(DnsTransport.Udp, exchange.Transport);
        Assert.Equal(1, rig.Forwarder.Counters.Forwarded);
        Assert.Equal(1, rig.Forwarder.Counters.UpstreamAnswers);
    }

    [Fact]
    public async Task Spoofed_answers_with_a_wrong_id_question_flag_or_port_are_ignored_and_the_real_one_is_taken()
    {
        await using var rig = NetForwarderRig.Start();
        using var spoofer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        spoofer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        rig.Upstreams[0].RespondUdp = (query, from) =>
        {
            // Right id and question, but from another port: an off-path attacker's guess.
            spoofer.SendTo(NetDnsMessages.Answer(query, Forged), from);
            var wrongId = NetDnsMessages.Answer(query, Forged);
            wrongId[1] ^= 0x01;
            var otherQuestion = NetDnsMessages.Answer(NetDnsMessages.Query("evil.example.net", NetFakeUpstream.IdOf(query)), Forged);
            var notAResponse = (byte[])query.Clone();
            return [wrongId, otherQuestion, notAResponse, NetDnsMessages.Answer(query, NetFakeUpstream.DefaultAnswer)];
        };

        var answer = await rig.QueryAsync("bank.example.com");

        Assert.NotNull(answer);
        Assert.Equal(NetFakeUpstream.DefaultAnswer, NetDnsMessages.LastAddress(answer));
        Assert.True(await NetClient.UntilAsync(() => rig.Forwarder.Counters.MismatchedAnswers == 4), $"mismatched {rig.Forwarder.Counters.MismatchedAnswers}");
        Assert.DoesNotContain(rig.Resolver.Completed, message => Forged.Equals(NetDnsMessages.LastAddress(message)));
    }

    [Fact]
    public async Task A_spoofed_answer_alone_never_reaches_the_client()
    {
        await using var rig = NetForwarderRig.Start(configure: o => o with { UpstreamTimeout = TimeSpan.FromSeconds(1), AnswerDeadline = TimeSpan.FromSeconds(1) });
        rig.Upstreams[0].RespondUdp = (query, _) =>
        {
            var wrongId = NetDnsMessages.Answer(query, Forged);
            wrongId[0] ^= 0x80;
            return [wrongId];
        };
        var pending = rig.QueryAsync("bank.example.com");
        Assert.True(await NetClient.UntilAsync(() => rig.Forwarder.Counters.MismatchedAnswers == 1));

        rig.Time.Advance(TimeSpan.FromSeconds(1));

        var answer = await pending;
        Assert.NotNull(answer);
        Assert.Equal(2, NetDnsMessages.Rcode(answer));
        Assert.Empty(rig.Resolver.Completed);
    }

    [Fact]
    public async Task Upstream_queries_carry_random_ids_from_several_changing_source_ports()
    {
        await using var rig = NetForwarderRig.Start(configure: o => o with { UpstreamSockets = 4, UpstreamSocketQueries = 40 });

        for (var batch = 0; batch < 6; batch++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => rig.QueryAsync($"n{batch}-{i}.example.com", id: (ushort)i)));
            Assert.All(answers, Assert.NotNull);
        }

        var sent = rig.Upstreams[0].UdpQueries.ToArray();
        Assert.Equal(300, sent.Length);
        var ids = sent.Select(q => NetFakeUpstream.IdOf(q.Query)).ToArray();
        Assert.True(ids.Distinct().Count() > 290, "upstream ids repeat");
        Assert.True(ids.Count(id => id < 50) < 5, "the clients' ids leak upstream");
        var ports = sent.Select(q => q.From.Port).Distinct().Count();
        Assert.True(ports >= 8, $"only {ports} source ports for 300 queries with rotation every 40");
    }

    [Fact]
    public async Task A_truncated_answer_is_asked_again_over_tcp()
    {
        await using var rig = NetForwarderRig.Start();
        rig.Upstreams[0].RespondUdp = (query, _) => [NetDnsMessages.Answer(query, Forged, truncated: true)];

        var answer = await rig.QueryAsync("big.example.com");

        Assert.NotNull(answer);
        Assert.Equal(3, NetDnsMessages.AnswerCount(answer));
        Assert.False(NetDnsMessages.IsTruncated(answer));
        var overTcp = Assert.Single(rig.Upstreams[0].TcpQueries);
        Assert.Equal("big.example.com", NetDnsMessages.QuestionName(overTcp));
        Assert.Equal(1, rig.Forwarder.Counters.TcpFallbacks);
    }

    [Fact]
    public async Task A_udp_answer_bigger_than_the_receive_buffer_is_asked_again_over_tcp()
    {
        await using var rig = NetForwarderRig.Start();
        // 300 records: about 4.8 KB in one datagram, without TC; only the first 4 KiB are read.
        rig.Upstreams[0].RespondUdp = (query, _) => [NetDnsMessages.Answer(query, Forged, records: 300)];

        var answer = await rig.QueryAsync("huge.example.com");

        Assert.NotNull(answer);
        Assert.Equal(3, NetDnsMessages.AnswerCount(answer));
        Assert.Equal("huge.example.com", NetDnsMessages.QuestionName(Assert.Single(rig.Upstreams[0].TcpQueries)));
        Assert.Equal(1, rig.Forwarder.Counters.TcpFallbacks);
    }

    [Fact]
    public async Task A_tcp_fallback_answer_to_another_question_is_refused()
    {
        await using var rig = NetForwarderRig.Start(2);
        rig.Upstreams[0].RespondUdp = (query, _) => [NetDnsMessages.Answer(query, Forged, truncated: true)];
        rig.Upstreams[0].RespondTcp = query => NetDnsMessages.Answer(NetDnsMessages.Query("evil.example.net", NetFakeUpstream.IdOf(query)), Forged);
        rig.Upstreams[1].RespondUdp = (query, _) => [NetDnsMessages.Answer(query, Second)];

        var answer = await rig.QueryAsync("big.example.com");

        Assert.NotNull(answer);
        Assert.Equal(Second, NetDnsMessages.LastAddress(answer));
        Assert.Equal(1, rig.Forwarder.Counters.MismatchedAnswers);
    }

    [Fact]
    public async Task A_silent_first_upstream_fails_over_to_the_second_after_the_upstream_timeout()
    {
        await using var rig = NetForwarderRig.Start(2);
        rig.Upstreams[0].Silence();
        rig.Upstreams[1].RespondUdp = (query, _) => [NetDnsMessages.Answer(query, Second)];
        var pending = rig.QueryAsync("www.example.com");
        Assert.True(await NetClient.UntilAsync(() => rig.Upstreams[0].UdpQueries.Count == 1));
        Assert.Empty(rig.Upstreams[1].UdpQueries);

        rig.Time.Advance(TimeSpan.FromSeconds(1));

        var answer = await pending;
        Assert.NotNull(answer);
        Assert.Equal(Second, NetDnsMessages.LastAddress(answer));
        Assert.Equal(1, rig.Forwarder.Counters.UpstreamTimeouts);
    }

    [Fact]
    public async Task A_late_answer_from_the_upstream_that_timed_out_is_ignored()
    {
        await using var rig = NetForwarderRig.Start(2);
        (byte[] Query, IPEndPoint From)? late = null;
        rig.Upstreams[0].RespondUdp = (query, from) =>
        {
            late = (query, from);
            return [];
        };
        rig.Upstreams[1].RespondUdp = (query, _) => [NetDnsMessages.Answer(query, Second)];
        var pending = rig.QueryAsync("www.example.com");
        Assert.True(await NetClient.UntilAsync(() => late is not null));
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Second, NetDnsMessages.LastAddress((await pending)!));

        rig.Upstreams[0].UdpSocket.SendTo(NetDnsMessages.Answer(late!.Value.Query, Forged), late.Value.From);

        Assert.True(await NetClient.UntilAsync(() => rig.Forwarder.Counters.MismatchedAnswers == 1));
        Assert.Single(rig.Resolver.Completed);
    }

    [Fact]
    public async Task Junk_sent_to_the_upstream_source_ports_is_ignored_and_the_real_answer_still_taken()
    {
        await using var rig = NetForwarderRig.Start();
        (byte[] Query, IPEndPoint From)? held = null;
        rig.Upstreams[0].RespondUdp = (query, from) =>
        {
            held = (query, from);
            return [];
        };
        var pending = rig.QueryAsync("www.example.com");
        Assert.True(await NetClient.UntilAsync(() => held is not null));
        var random = new Random(5);
        var junk = 0;
        foreach (var port in rig.Forwarder.UpstreamSourcePorts)
        {
            for (var i = 0; i < 200; i++)
            {
                var message = new byte[random.Next(0, 600)];
                random.NextBytes(message);
                if (i % 2 == 0 && message.Length >= 2)
                    message[0] = held!.Value.Query[0]; // half of them with the right id's first octet
                rig.Upstreams[0].UdpSocket.SendTo(message, new IPEndPoint(IPAddress.Loopback, port));
                junk++;
            }
        }
        Assert.True(await NetClient.UntilAsync(() => rig.Forwarder.Counters.MismatchedAnswers == junk), $"{rig.Forwarder.Counters.MismatchedAnswers} of {junk}");

        rig.Upstreams[0].UdpSocket.SendTo(NetDnsMessages.Answer(held!.Value.Query, NetFakeUpstream.DefaultAnswer), held.Value.From);

        Assert.Equal(NetFakeUpstream.DefaultAnswer, NetDnsMessages.LastAddress((await pending)!));
    }

    [Fact]
    public async Task Identical_queries_waiting_at_once_share_one_upstream_query_and_each_gets_its_own_id()
    {
        await using var rig = NetForwarderRig.Start();
        var held = new System.Collections.Concurrent.ConcurrentQueue<(byte[] Query, IPEndPoint From)>();
        rig.Upstreams[0].RespondUdp = (query, from) =>
        {
            held.Enqueue((query, from));
            return [];
        };
        var first = rig.QueryAsync("popular.example.com", id: 1);
        Assert.True(await NetClient.UntilAsync(() => held.Count == 1));
        var second = rig.QueryAsync("popular.example.com", id: 2);
        var other = rig.QueryAsync("other.example.com", id: 3);
        Assert.True(await NetClient.UntilAsync(() => held.Count == 2 && rig.Forwarder.Counters.Coalesced == 1));

        foreach (var (query, from) in held)
            rig.Upstreams[0].UdpSocket.SendTo(NetDnsMessages.Answer(query, NetFakeUpstream.DefaultAnswer), from);

        Assert.Equal([1, 2, 3], (await Task.WhenAll(first, second, other)).Select(a => (int)NetDnsMessages.Id(a!)));
        Assert.Equal(["other.example.com", "popular.example.com"], held.Select(h => NetDnsMessages.QuestionName(h.Query)).Order());
    }

    [Fact]
    public async Task A_refusing_upstream_is_passed_over_at_once()
    {
        await using var rig = NetForwarderRig.Start(2);
        rig.Upstreams[0].RespondUdp = (query, _) => [NetDnsMessages.Answer(query, Forged, records: 0, rcode: 5)];
        rig.Upstreams[1].RespondUdp = (query, _) => [NetDnsMessages.Answer(query, Second)];

        var answer = await rig.QueryAsync("www.example.com");

        Assert.NotNull(answer);
        Assert.Equal(Second, NetDnsMessages.LastAddress(answer));
    }

    [Fact]
    public async Task When_every_upstream_is_silent_the_client_gets_servfail_at_the_answer_deadline()
    {
        await using var rig = NetForwarderRig.Start(2, o => o with { UpstreamTimeout = TimeSpan.FromSeconds(1), AnswerDeadline = TimeSpan.FromSeconds(1.5) });
        rig.Upstreams[0].Silence();
        rig.Upstreams[1].Silence();
        var pending = rig.QueryAsync("www.example.com");
        Assert.True(await NetClient.UntilAsync(() => rig.Upstreams[0].UdpQueries.Count == 1));

        rig.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await NetClient.UntilAsync(() => rig.Upstreams[1].UdpQueries.Count == 1));
        rig.Time.Advance(TimeSpan.FromSeconds(0.45));
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(pending.IsCompleted, "answered before the deadline");
        rig.Time.Advance(TimeSpan.FromSeconds(0.05));

        var answer = await pending;
        Assert.NotNull(answer);
        Assert.Equal(2, NetDnsMessages.Rcode(answer));
        Assert.Equal(0x1234, NetDnsMessages.Id(answer));
        Assert.Equal(1, rig.Forwarder.Counters.ServFail);
        Assert.True(await NetClient.UntilAsync(() => rig.Tap.Exchanges.Any(e => e.Response.Length > 0 && NetDnsMessages.Rcode(e.Response) == 2)));
    }

    [Fact]
    public async Task Servfail_from_every_upstream_reaches_the_client_as_servfail()
    {
        await using var rig = NetForwarderRig.Start(2);
        foreach (var upstream in rig.Upstreams)
            upstream.RespondUdp = (query, _) => [NetDnsMessages.Answer(query, Forged, records: 0, rcode: 2)];

        var answer = await rig.QueryAsync("broken.example.com");

        Assert.NotNull(answer);
        Assert.Equal(2, NetDnsMessages.Rcode(answer));
        Assert.All(rig.Upstreams, u => Assert.Single(u.UdpQueries));
    }

    [Fact]
    public async Task A_down_upstream_is_skipped_and_a_health_check_brings_it_back()
    {
        await using var rig = NetForwarderRig.Start(2, o => o with { FailuresBeforeDown = 1, HealthCheckInterval = TimeSpan.FromSeconds(2) });
        rig.Upstreams[0].Silence();
        rig.Upstreams[1].RespondUdp = (query, _) => [NetDnsMessages.Answer(query, Second)];
        var first = rig.QueryAsync("one.example.com");
        Assert.True(await NetClient.UntilAsync(() => rig.Upstreams[0].UdpQueries.Count == 1));
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Second, NetDnsMessages.LastAddress((await first)!));
        Assert.False(rig.Forwarder.Upstreams[0].Healthy);

        Assert.Equal(Second, NetDnsMessages.LastAddress((await rig.QueryAsync("two.example.com"))!));
        Assert.Single(rig.Upstreams[0].UdpQueries);

        rig.Upstreams[0].RespondUdp = (query, _) => [NetDnsMessages.Answer(query, NetFakeUpstream.DefaultAnswer)];
        rig.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await NetClient.UntilAsync(() => rig.Forwarder.Upstreams[0].Healthy), "the probe did not bring the upstream back");
        var probe = rig.Upstreams[0].UdpQueries.Last().Query;
        Assert.Equal("", NetDnsMessages.QuestionName(probe));

        Assert.Equal(NetFakeUpstream.DefaultAnswer, NetDnsMessages.LastAddress((await rig.QueryAsync("three.example.com"))!));
    }

    [Fact]
    public async Task Failed_health_checks_back_off_exponentially()
    {
        await using var rig = NetForwarderRig.Start(2, o => o with { FailuresBeforeDown = 1, HealthCheckInterval = TimeSpan.FromSeconds(2) });
        rig.Upstreams[0].Silence();
        var first = rig.QueryAsync("one.example.com");
        Assert.True(await NetClient.UntilAsync(() => rig.Upstreams[0].UdpQueries.Count == 1));
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(await first);

        var probesAt = new List<int>();
        for (var second = 1; second <= 16; second++)
        {
            var before = rig.Upstreams[0].UdpQueries.Count;
            rig.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20, TestContext.Current.CancellationToken);
            if (rig.Upstreams[0].UdpQueries.Count > before)
                probesAt.Add(second);
        }

        // Down at t=1 s: probes at +2 s (t=3), then 1 s timeout + 4 s (t=8), then 1 s + 8 s (t=17).
        Assert.Equal([2, 7, 16], probesAt);
    }

    [Fact]
    public async Task Queries_beyond_the_pending_limit_are_dropped_not_queued()
    {
        await using var rig = NetForwarderRig.Start(1, o => o with { MaxPendingUpstream = 1 });
        rig.Upstreams[0].Silence();
        var first = rig.QueryAsync("one.example.com");
        Assert.True(await NetClient.UntilAsync(() => rig.Upstreams[0].UdpQueries.Count == 1));

        var second = await rig.QueryAsync("two.example.com", timeout: TimeSpan.FromMilliseconds(200));

        Assert.Null(second);
        Assert.Equal(1, rig.Forwarder.Counters.UpstreamBusy);
        rig.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.NotNull(await first);
    }
}
