using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Edge.Resolve.Tests.TestSupport.Net;

namespace Edge.Resolve.Tests.Server;

public sealed class DnsTcpListenerTests
{
    private static readonly IPAddress Cached = IPAddress.Parse("10.1.1.1");

    [Fact]
    public async Task Pipelined_queries_are_answered_as_they_complete_out_of_order()
    {
        await using var rig = NetForwarderRig.Start();
        rig.Resolver.Answers["two.example.com"] = Cached;
        rig.Resolver.Answers["three.example.com"] = Cached;
        (byte[] Query, IPEndPoint From)? held = null;
        rig.Upstreams[0].RespondUdp = (query, from) =>
        {
            held = (query, from);
            return [];
        };
        using var client = await NetClient.ConnectTcpAsync(rig.Server);
        var frames = new[] { NetDnsMessages.Query("one.example.com", 1), NetDnsMessages.Query("two.example.com", 2), NetDnsMessages.Query("three.example.com", 3) }
            .SelectMany(Frame).ToArray();
        await client.SendAsync(frames, SocketFlags.None, TestContext.Current.CancellationToken);

        var first = await NetClient.ReadFrameAsync(client, NetClient.Wait);
        var second = await NetClient.ReadFrameAsync(client, NetClient.Wait);
        Assert.True(await NetClient.UntilAsync(() => held is not null));
        rig.Upstreams[0].UdpSocket.SendTo(NetDnsMessages.Answer(held!.Value.Query, NetFakeUpstream.DefaultAnswer), held.Value.From);
        var third = await NetClient.ReadFrameAsync(client, NetClient.Wait);

        Assert.Equal([2, 3, 1], new[] { first, second, third }.Select(m => (int)NetDnsMessages.Id(m!)));
        Assert.Equal(NetFakeUpstream.DefaultAnswer, NetDnsMessages.LastAddress(third!));
        Assert.Equal(3, rig.Forwarder.Counters.TcpQueries);
    }

    [Fact]
    public async Task Tcp_answers_are_never_truncated()
    {
        await using var rig = NetForwarderRig.Start();
        rig.Upstreams[0].RespondUdp = (query, _) => [NetDnsMessages.Answer(query, NetFakeUpstream.DefaultAnswer, records: 200)];
        using var client = await NetClient.ConnectTcpAsync(rig.Server);

        await NetClient.WriteFrameAsync(client, NetDnsMessages.Query("big.example.com", 9), TestContext.Current.CancellationToken);
        var answer = await NetClient.ReadFrameAsync(client, NetClient.Wait);

        Assert.NotNull(answer);
        Assert.Equal(200, NetDnsMessages.AnswerCount(answer));
        Assert.False(NetDnsMessages.IsTruncated(answer));
        Assert.Equal(DnsTransport.Tcp, (await rig.Tap.SingleAsync()).Transport);
    }

    [Fact]
    public async Task An_idle_connection_is_closed_after_the_idle_timeout_not_before()
    {
        await using var rig = NetForwarderRig.Start(configure: o => o with { TcpIdleTimeout = TimeSpan.FromSeconds(10) });
        rig.Resolver.Answers["a.example.com"] = Cached;
        using var client = await NetClient.ConnectTcpAsync(rig.Server);
        await NetClient.WriteFrameAsync(client, NetDnsMessages.Query("a.example.com", 1), TestContext.Current.CancellationToken);
        Assert.NotNull(await NetClient.ReadFrameAsync(client, NetClient.Wait));

        rig.Time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(await NetClient.ClosedWithinAsync(client, TimeSpan.FromMilliseconds(100)));

        Assert.True(await AdvanceUntilClosedAsync(rig, client, TimeSpan.FromSeconds(1)));
        Assert.True(await NetClient.UntilAsync(() => rig.Forwarder.Counters.TcpClosedIdle == 1));
    }

    [Fact]
    public async Task A_connection_waiting_for_an_upstream_answer_is_not_closed_as_idle()
    {
        await using var rig = NetForwarderRig.Start(configure: o => o with { TcpIdleTimeout = TimeSpan.FromSeconds(1), UpstreamTimeout = TimeSpan.FromSeconds(2), AnswerDeadline = TimeSpan.FromSeconds(2) });
        rig.Upstreams[0].Silence();
        using var client = await NetClient.ConnectTcpAsync(rig.Server);
        await NetClient.WriteFrameAsync(client, NetDnsMessages.Query("slow.example.com", 4), TestContext.Current.CancellationToken);
        Assert.True(await NetClient.UntilAsync(() => rig.Upstreams[0].UdpQueries.Count == 1));

        rig.Time.Advance(TimeSpan.FromSeconds(1.5));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        rig.Time.Advance(TimeSpan.FromSeconds(0.5));

        var answer = await NetClient.ReadFrameAsync(client, NetClient.Wait);
        Assert.NotNull(answer);
        Assert.Equal(2, NetDnsMessages.Rcode(answer));
    }

    [Fact]
    public async Task A_message_that_stalls_half_sent_closes_the_connection()
    {
        await using var rig = NetForwarderRig.Start(configure: o => o with { TcpMessageTimeout = TimeSpan.FromSeconds(2) });
        using var client = await NetClient.ConnectTcpAsync(rig.Server);
        var frame = Frame(NetDnsMessages.Query("slow.example.com", 1));
        await client.SendAsync(frame.AsMemory(0, 7), SocketFlags.None, TestContext.Current.CancellationToken);
        Assert.True(await NetClient.UntilAsync(() => rig.Forwarder.TcpConnectionCount == 1));

        Assert.True(await AdvanceUntilClosedAsync(rig, client, TimeSpan.FromSeconds(2)));
        Assert.True(await NetClient.UntilAsync(() => rig.Forwarder.Counters.TcpClosedSlow == 1));
    }

    [Fact]
    public async Task A_zero_length_frame_closes_the_connection()
    {
        await using var rig = NetForwarderRig.Start();
        using var client = await NetClient.ConnectTcpAsync(rig.Server);

        await client.SendAsync(new byte[] { 0, 0, 1, 2, 3 }, SocketFlags.None, TestContext.Current.CancellationToken);

        Assert.True(await NetClient.ClosedWithinAsync(client, NetClient.Wait));
        Assert.Equal(1, rig.Forwarder.Counters.TcpBadFraming);
    }

    [Fact]
    public async Task Junk_in_well_formed_frames_up_to_65535_bytes_is_dropped_and_the_connection_keeps_answering()
    {
        await using var rig = NetForwarderRig.Start();
        rig.Resolver.Answers["after.example.com"] = Cached;
        using var client = await NetClient.ConnectTcpAsync(rig.Server);
        var random = new Random(3);
        foreach (var length in new[] { 1, 5, 12, 300, 65_535 })
        {
            var junk = new byte[length];
            random.NextBytes(junk);
            await NetClient.WriteFrameAsync(client, junk, TestContext.Current.CancellationToken);
        }
        await NetClient.WriteFrameAsync(client, NetDnsMessages.Query("after.example.com", 8), TestContext.Current.CancellationToken);

        var answer = await NetClient.ReadFrameAsync(client, NetClient.Wait);

        Assert.NotNull(answer);
        Assert.Equal(8, NetDnsMessages.Id(answer));
        Assert.Equal(6, rig.Forwarder.Counters.TcpQueries);
    }

    [Fact]
    public async Task At_the_connection_limit_the_oldest_idle_connection_makes_room()
    {
        await using var rig = NetForwarderRig.Start(configure: o => o with { MaxTcpConnections = 2 });
        rig.Resolver.Answers["a.example.com"] = Cached;
        using var oldest = await NetClient.ConnectTcpAsync(rig.Server);
        Assert.True(await NetClient.UntilAsync(() => rig.Forwarder.TcpConnectionCount == 1));
        rig.Time.Advance(TimeSpan.FromMilliseconds(10));
        using var newer = await NetClient.ConnectTcpAsync(rig.Server);
        Assert.True(await NetClient.UntilAsync(() => rig.Forwarder.TcpConnectionCount == 2));

        using var newcomer = await NetClient.ConnectTcpAsync(rig.Server);
        await NetClient.WriteFrameAsync(newcomer, NetDnsMessages.Query("a.example.com", 3), TestContext.Current.CancellationToken);

        Assert.NotNull(await NetClient.ReadFrameAsync(newcomer, NetClient.Wait));
        Assert.True(await NetClient.ClosedWithinAsync(oldest, NetClient.Wait));
        Assert.False(await NetClient.ClosedWithinAsync(newer, TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task At_the_connection_limit_with_every_connection_busy_a_newcomer_is_refused()
    {
        await using var rig = NetForwarderRig.Start(configure: o => o with { MaxTcpConnections = 2 });
        var busy = new List<Socket>();
        for (var i = 0; i < 2; i++)
        {
            var client = await NetClient.ConnectTcpAsync(rig.Server);
            await client.SendAsync(new byte[] { 0, 40, 1 }, SocketFlags.None, TestContext.Current.CancellationToken);
            busy.Add(client);
        }
        Assert.True(await NetClient.UntilAsync(() => rig.Forwarder.TcpConnectionCount == 2));
        await Task.Delay(50, TestContext.Current.CancellationToken);

        using var newcomer = await NetClient.ConnectTcpAsync(rig.Server);

        Assert.True(await NetClient.ClosedWithinAsync(newcomer, NetClient.Wait));
        Assert.Equal(1, rig.Forwarder.Counters.TcpRefused);
        foreach (var client in busy)
        {
            Assert.False(await NetClient.ClosedWithinAsync(client, TimeSpan.FromMilliseconds(50)));
            client.Dispose();
        }
    }

    private static byte[] Frame(byte[] message)
    {
        var frame = new byte[message.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)message.Length);
        message.CopyTo(frame, 2);
        return frame;
    }

    // The connection arms its timer on the fake clock just after a read; advance until it fires.
    private static async Task<bool> AdvanceUntilClosedAsync(NetForwarderRig rig, Socket client, TimeSpan step)
    {
        for (var i = 0; i < 20; i++)
        {
            rig.Time.Advance(step);
            if (await NetClient.ClosedWithinAsync(client, TimeSpan.FromMilliseconds(100)))
                return true;
        }
        return false;
    }
}
