using System.Net;
using System.Net.Sockets;
using Edge.Resolve.Server;
using Edge.Resolve.Tests.TestSupport;
using Edge.Resolve.Tests.TestSupport.Net;

namespace Edge.Resolve.Tests.Server;

[Collection(nameof(MeasurementCollection))]
public sealed class UdpAllocationTests
{
    private const int Warmup = 60_000;
    private const int Measured = 100_000;
    private const int Window = 32;

    // Measured on the listener thread itself (the resolver runs there): receive, decide, send and
    // tap of 100,000 answered queries, after a warm-up that lets tiered JIT settle.
    [Fact]
    public async Task The_udp_loop_allocates_nothing_per_answered_query()
    {
        var resolver = new NetTableResolver();
        long start = 0, end = 0;
        resolver.AfterDecide = count =>
        {
            if (count == Warmup)
                start = GC.GetAllocatedBytesForCurrentThread();
            else if (count == Warmup + Measured)
                end = GC.GetAllocatedBytesForCurrentThread();
        };
        var tap = new NetCountingTap();
        await using var forwarder = DnsForwarder.Start(new ForwarderOptions { Listen = [new IPEndPoint(IPAddress.Loopback, 0)] }, resolver, tap, TimeProvider.System);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 2000 };
        client.Connect(forwarder.ListeningOn[0]);
        var query = NetDnsMessages.Query("www.example.com", 1);
        var answer = new byte[512];

        for (var sent = 0; sent < Warmup + Measured; sent += Window)
        {
            for (var i = 0; i < Window; i++)
                client.Send(query);
            for (var i = 0; i < Window; i++)
                Assert.True(client.Receive(answer) > 0);
        }

        Assert.True(await NetClient.UntilAsync(() => end != 0), "the listener did not see every query");
        var perQuery = (end - start) / (double)Measured;
        // One object per query would be megabytes; a one-off (112 bytes seen) is not per query.
        Assert.True(end - start < 1024, $"{end - start} bytes allocated on the UDP loop for {Measured} queries ({perQuery:F3} per query)");
        Assert.True(await NetClient.UntilAsync(() => tap.Exchanges == Warmup + Measured), $"the tap saw {tap.Exchanges}");
    }
}
