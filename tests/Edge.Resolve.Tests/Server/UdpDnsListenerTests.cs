using System.Net;
using System.Net.Sockets;
using Edge.Resolve.Server;
using Edge.Resolve.Tests.TestSupport.Net;
using Edge.Watch.Net;

namespace Edge.Resolve.Tests.Server;

public sealed class UdpDnsListenerTests
{
    private static readonly IPAddress Cached = IPAddress.Parse("10.1.1.1");

    [Fact]
    public async Task A_name_the_resolver_knows_is_answered_without_asking_upstream()
    {
        await using var rig = NetForwarderRig.Start();
        rig.Resolver.Answers["cached.example.com"] = Cached;

        var answer = await rig.QueryAsync("cached.example.com", id: 0xBEEF);

        Assert.NotNull(answer);
        Assert.Equal(0xBEEF, NetDnsMessages.Id(answer));
        Assert.Equal(Cached, NetDnsMessages.LastAddress(answer));
        Assert.Empty(rig.Upstreams[0].UdpQueries);
        var exchange = await rig.Tap.SingleAsync();
        Assert.Equal(QueryVerdict.Answered, exchange.Verdict);
        Assert.Equal(IpAddr.Parse("127.0.0.1"), exchange.Client);
        Assert.NotEqual(0, exchange.ClientPort);
        Assert.Equal(rig.Server.Port, exchange.ServerPort);
        Assert.Equal(answer, exchange.Response);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000, exchange.TimestampMicros);
        Assert.Equal(1, rig.Forwarder.Counters.Answered);
    }

    [Fact]
    public async Task A_blocked_name_gets_the_resolvers_block_answer_and_the_tap_sees_a_block()
    {
        await using var rig = NetForwarderRig.Start();
        rig.Resolver.Blocked["phish.example.net"] = true;

        var answer = await rig.QueryAsync("phish.example.net");

        Assert.NotNull(answer);
        Assert.Equal(3, NetDnsMessages.Rcode(answer));
        Assert.Equal(QueryVerdict.Blocked, (await rig.Tap.SingleAsync()).Verdict);
        Assert.Equal(1, rig.Forwarder.Counters.Blocked);
        Assert.Empty(rig.Upstreams[0].UdpQueries);
    }

    [Fact]
    public async Task A_dropped_query_gets_no_answer_but_is_reported()
    {
        await using var rig = NetForwarderRig.Start();
        rig.Resolver.Dropped["tunnel.example.org"] = true;

        var answer = await rig.QueryAsync("tunnel.example.org", timeout: TimeSpan.FromMilliseconds(200));

        Assert.Null(answer);
        var exchange = await rig.Tap.SingleAsync();
        Assert.Equal(QueryVerdict.Dropped, exchange.Verdict);
        Assert.Empty(exchange.Response);
    }

    [Fact]
    public async Task Without_upstreams_a_query_the_resolver_cannot_answer_gets_servfail()
    {
        await using var rig = NetForwarderRig.Start(0);

        var answer = await rig.QueryAsync("www.example.com");

        Assert.NotNull(answer);
        Assert.Equal(2, NetDnsMessages.Rcode(answer));
    }

    [Fact]
    public async Task The_loop_survives_junk_empty_and_huge_datagrams_and_keeps_answering()
    {
        await using var rig = NetForwarderRig.Start();
        rig.Resolver.Answers["after.example.com"] = Cached;
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var random = new Random(9);
        var sent = 0;
        foreach (var length in new[] { 0, 1, 11, 12, 65_507 }.Concat(Enumerable.Range(0, 500).Select(_ => random.Next(0, 700))))
        {
            var junk = new byte[length];
            random.NextBytes(junk);
            sender.SendTo(junk, rig.Server);
            sent++;
        }
        var query = NetDnsMessages.Query("after.example.com", 77);
        var truncatedQuery = query[..^3];
        sender.SendTo(truncatedQuery, rig.Server);

        var answer = await rig.QueryAsync("after.example.com", id: 77);

        Assert.NotNull(answer);
        Assert.Equal(Cached, NetDnsMessages.LastAddress(answer));
        Assert.True(await NetClient.UntilAsync(() => rig.Forwarder.Counters.UdpQueries == sent + 2), $"{rig.Forwarder.Counters.UdpQueries} of {sent + 2}");
    }

    [Fact]
    public async Task Listens_on_ipv6_too()
    {
        await using var rig = NetForwarderRig.Start(configure: o => o with { Listen = [new IPEndPoint(IPAddress.IPv6Loopback, 0)] });
        rig.Resolver.Answers["v6.example.com"] = Cached;

        var answer = await NetClient.QueryUdpAsync(rig.Server, NetDnsMessages.Query("v6.example.com", 6));

        Assert.NotNull(answer);
        Assert.Equal(IpAddr.Parse("::1"), (await rig.Tap.SingleAsync()).Client);
        Assert.Equal(AddressFamily.InterNetworkV6, rig.Server.AddressFamily);
    }

    [Fact]
    public async Task A_forwarded_answer_goes_back_from_the_listening_socket_to_the_clients_port()
    {
        await using var rig = NetForwarderRig.Start();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        client.SendTo(NetDnsMessages.Query("up.example.com", 5), rig.Server);

        var buffer = new byte[512];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        using var cancel = new CancellationTokenSource(NetClient.Wait);
        var result = await client.ReceiveFromAsync(buffer, SocketFlags.None, from, cancel.Token);

        Assert.Equal(rig.Server, result.RemoteEndPoint);
        Assert.Equal(5, NetDnsMessages.Id(buffer));
    }

    [Fact]
    public async Task Starting_on_a_taken_port_names_the_address()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var endpoint = (IPEndPoint)taken.LocalEndPoint!;
        var options = new ForwarderOptions { Listen = [endpoint] };

        var error = Assert.Throws<InvalidOperationException>(() => DnsForwarder.Start(options, new NetScriptedResolver(), new NetRecordingTap(), TimeProvider.System));

        Assert.Contains($"udp {endpoint}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_that_cannot_work_are_refused()
    {
        var options = new ForwarderOptions { UpstreamTimeout = TimeSpan.FromSeconds(5), AnswerDeadline = TimeSpan.FromSeconds(1) };
        var error = Assert.Throws<ArgumentException>(() => DnsForwarder.Start(options, new NetScriptedResolver(), new NetRecordingTap(), TimeProvider.System));
        Assert.Contains("deadline", error.Message, StringComparison.Ordinal);
    }
}
