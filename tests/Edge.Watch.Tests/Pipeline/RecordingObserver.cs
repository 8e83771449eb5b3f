using System.Text;
using Edge.Watch.Dns;
using Edge.Watch.Flows;
using Edge.Watch.Http;
using Edge.Watch.Packets;
using Edge.Watch.Pipeline;
using Edge.Watch.Tls;

namespace Edge.Watch.Tests.Pipeline;

/// <summary>Keeps what the engine reported, as plain strings, for assertions.</summary>
internal sealed class RecordingObserver : IWatchObserver
{
    public List<string> Dns { get; } = [];
    public List<string> Tls { get; } = [];
    public List<string> Http { get; } = [];
    public List<(string Client, ushort ClientPort, FlowEndReason Reason, AppProtocol App, long Packets)> Ended { get; } = [];
    public int Packets { get; private set; }

    public void OnPacket(ref DecodedPacket packet, ref Flow flow, bool toServer) => Packets++;

    public void OnDns(in PacketContext context, DnsMessage message)
    {
        Span<byte> name = stackalloc byte[DnsName.MaxPresentationLength];
        DnsName.TryRead(message.Raw, message.QuestionNameOffset, name, out var written);
        Dns.Add($"{(message.IsResponse ? "R" : "Q")} {message.Id} {Encoding.ASCII.GetString(name[..written])} an={message.AnswerCount}");
    }

    public void OnTlsClientHello(in PacketContext context, ClientHello hello)
    {
        hello.TryGetServerName(out var sni);
        Tls.Add(Encoding.ASCII.GetString(sni));
    }

    public void OnHttpRequest(in PacketContext context, HttpRequestHead request) =>
        Http.Add($"{Encoding.ASCII.GetString(request.Method)} {Encoding.ASCII.GetString(request.Host)}{Encoding.ASCII.GetString(request.Uri)}");

    public void OnFlowEnd(ref Flow flow, FlowEndReason reason) =>
        Ended.Add((flow.Client.ToString(), flow.ClientPort, reason, flow.App, flow.Packets));
}
