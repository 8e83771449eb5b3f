using System.Collections.Concurrent;
using Edge.Resolve.Server;
using Edge.Watch.Net;

namespace Edge.Resolve.Tests.TestSupport.Net;

/// <summary>Keeps a copy of every exchange the forwarder reports.</summary>
public sealed class NetRecordingTap : IDnsTap
{
    public sealed record Exchange(IpAddr Client, ushort ClientPort, ushort ServerPort, DnsTransport Transport, byte[] Query, byte[] Response, QueryVerdict Verdict, long TimestampMicros);

    public ConcurrentQueue<Exchange> Exchanges { get; } = new();

    public void OnExchange(in DnsExchange exchange) =>
        Exchanges.Enqueue(new Exchange(exchange.Client, exchange.ClientPort, exchange.ServerPort, exchange.Transport,
            exchange.Query.ToArray(), exchange.Response.ToArray(), exchange.Verdict, exchange.TimestampMicros));
}
