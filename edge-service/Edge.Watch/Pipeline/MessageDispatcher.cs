using Edge.Watch.Decoding;
using Edge.Watch.Dns;
using Edge.Watch.Http;
using Edge.Watch.Tls;

namespace Edge.Watch.Pipeline;

/// <summary>Validates complete application messages, counts them (or their errors) and hands them on.</summary>
internal sealed class MessageDispatcher(IWatchObserver observer, WatchCounters counters, DecodeErrorCounters errors)
{
    public void Dns(in PacketContext context, ReadOnlySpan<byte> message)
    {
        if (DnsMessageReader.TryParse(message, out var dns, out var error) != ParseStatus.Done)
        {
            errors.Add(DecodeLayer.Dns, (byte)error);
            return;
        }
        counters.DnsMessages++;
        if (dns.IsResponse)
            counters.DnsResponses++;
        else
            counters.DnsQueries++;
        observer.OnDns(context, dns);
    }

    public void DnsError(DnsError error) => errors.Add(DecodeLayer.Dns, (byte)error);

    public void TlsError(TlsError error) => errors.Add(DecodeLayer.Tls, (byte)error);

    public void Tls(in PacketContext context, ClientHello hello)
    {
        counters.TlsClientHellos++;
        observer.OnTlsClientHello(context, hello);
    }

    public void HttpError(HttpError error) => errors.Add(DecodeLayer.Http, (byte)error);

    public void Http(in PacketContext context, HttpRequestHead request)
    {
        counters.HttpRequests++;
        observer.OnHttpRequest(context, request);
    }

    public void StreamError(StreamError error) => errors.Add(DecodeLayer.Stream, (byte)error);
}
