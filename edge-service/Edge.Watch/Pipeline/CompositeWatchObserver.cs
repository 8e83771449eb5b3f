using Edge.Watch.Dns;
using Edge.Watch.Flows;
using Edge.Watch.Http;
using Edge.Watch.Packets;
using Edge.Watch.Tls;

namespace Edge.Watch.Pipeline;

/// <summary>Hands every event to several observers in order (detection, then the event log).</summary>
public sealed class CompositeWatchObserver(params IWatchObserver[] observers) : IWatchObserver
{
    public void OnPacket(ref DecodedPacket packet, ref Flow flow, bool toServer)
    {
        foreach (var observer in observers)
            observer.OnPacket(ref packet, ref flow, toServer);
    }

    public void OnDns(in PacketContext context, DnsMessage message)
    {
        foreach (var observer in observers)
            observer.OnDns(context, message);
    }

    public void OnTlsClientHello(in PacketContext context, ClientHello hello)
    {
        foreach (var observer in observers)
            observer.OnTlsClientHello(context, hello);
    }

    public void OnHttpRequest(in PacketContext context, HttpRequestHead request)
    {
        foreach (var observer in observers)
            observer.OnHttpRequest(context, request);
    }

    public void OnFlowEnd(ref Flow flow, FlowEndReason reason)
    {
        foreach (var observer in observers)
            observer.OnFlowEnd(ref flow, reason);
    }
}
