using Edge.Watch.Net;

namespace Edge.Resolve.Server;

/// <summary>Hands finished exchanges to the tap; a throwing tap is counted, never fatal.</summary>
internal sealed class ExchangeRecorder(IDnsTap tap, TimeProvider time, ForwarderCounters counters)
{
    public void Record(IpAddr client, ushort clientPort, IpAddr server, ushort serverPort, DnsTransport transport,
        ReadOnlySpan<byte> query, ReadOnlySpan<byte> response, QueryVerdict verdict)
    {
        var exchange = new DnsExchange
        {
            TimestampMicros = (time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond,
            Client = client,
            ClientPort = clientPort,
            Server = server,
            ServerPort = serverPort,
            Transport = transport,
            Query = query,
            Response = response,
            Verdict = verdict,
        };
        try
        {
            tap.OnExchange(in exchange);
        }
        catch (Exception)
        {
            Interlocked.Increment(ref counters._tapErrors);
        }
    }
}
