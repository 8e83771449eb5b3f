using System.Collections.Concurrent;
using Edge.Resolve.Server;
using Edge.Watch.Net;

namespace Edge.Resolve.Tests.TestSupport.Net;

/// <summary>Keeps a copy of every exchange the forwarder reports.</summary>
public sealed class NetRecordingTap : IDnsTap
{
    public sealed record Exchange(IpAddr Client, ushort ClientPort, ushort ServerPort, DnsTransport Transport, byte[] Query, byte[] Response, QueryVerdict Verdict, long TimestampMicros);

    public ConcurrentQueue<Exchange> Exchanges { get; } = new();

    /// <summary>The one exchange, once reported: the tap is called after the answer is sent, so a
    /// client can hold the answer before the tap has it.</summary>
    public async Task<Exchange> SingleAsync()
    {
        Assert.True(await NetClient.UntilAsync(() => !Exchanges.IsEmpty), "no exchange reported");
        await Task.Delay(20);
        return Assert.Single(Exchanges);
    }

    public void OnExchange(in DnsExchange exchange) =>
        Exchanges.Enqueue(new Exchange(exchange.Client, exchange.ClientPort, exchange.ServerPort, exchange.Transport,
            exchange.Query.ToArray(), exchange.Response.ToArray(), exchange.Verdict, exchange.TimestampMicros));
}
