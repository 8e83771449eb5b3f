using Edge.Watch.Dns;
using Edge.Watch.Flows;
using Edge.Watch.Http;
using Edge.Watch.Packets;
using Edge.Watch.Tls;

namespace Edge.Watch.Pipeline;

/// <summary>What the engine tells the next stage (detectors, the event log). Arguments are views into
/// the current frame or a reassembly buffer: valid only during the call.</summary>
public interface IWatchObserver
{
    /// <summary>Every packet that reached a flow, after the flow was updated.</summary>
    void OnPacket(ref DecodedPacket packet, ref Flow flow, bool toServer);

    void OnDns(in PacketContext context, DnsMessage message);

    void OnTlsClientHello(in PacketContext context, ClientHello hello);

    void OnHttpRequest(in PacketContext context, HttpRequestHead request);

    void OnFlowEnd(ref Flow flow, FlowEndReason reason);
}
