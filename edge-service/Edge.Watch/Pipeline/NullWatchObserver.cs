using Edge.Watch.Dns;
using Edge.Watch.Flows;
using Edge.Watch.Http;
using Edge.Watch.Packets;
using Edge.Watch.Tls;

namespace Edge.Watch.Pipeline;

/// <summary>Observes nothing: for runs that only count, and for measuring the engine alone.</summary>
public sealed class NullWatchObserver : IWatchObserver
{
    public static NullWatchObserver Instance { get; } = new();

    public void OnPacket(ref DecodedPacket packet, ref Flow flow, bool toServer)
    {
    }

    public void OnDns(in PacketContext context, DnsMessage message)
    {
    }

    public void OnTlsClientHello(in PacketContext context, ClientHello hello)
    {
    }

    public void OnHttpRequest(in PacketContext context, HttpRequestHead request)
    {
    }

    public void OnFlowEnd(ref Flow flow, FlowEndReason reason)
    {
    }
}
