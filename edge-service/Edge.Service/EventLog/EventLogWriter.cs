using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Edge.Detect.Alerts;
using Edge.Watch.Dns;
using Edge.Watch.Flows;
using Edge.Watch.Http;
using Edge.Watch.Net;
using Edge.Watch.Packets;
using Edge.Watch.Pipeline;
using Edge.Watch.Tls;

namespace Edge.Service.EventLog;

/// <summary>Writes the event log: one JSON object per line for every DNS message, ClientHello,
/// HTTP request head and ended flow.</summary>
public sealed class EventLogWriter : IWatchObserver, IAlertSink, IDisposable
{
    private static readonly byte[] s_newLine = "\n"u8.ToArray();

    private readonly Stream _output;
    private readonly bool _ownsOutput;
    private readonly Utf8JsonWriter _json;
    private readonly byte[] _text = new byte[Math.Max(Ja3.MaxStringLength, DnsName.MaxPresentationLength)];

    public EventLogWriter(Stream output, bool ownsOutput)
    {
        _output = new BufferedStream(output, 1 << 16);
        _ownsOutput = ownsOutput;
        _json = new Utf8JsonWriter(_output, new JsonWriterOptions
        {
            SkipValidation = true,
            // The log is read by people and tools, never embedded in HTML: keep '&', '<', '+' readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    public long Written { get; private set; }

    public void OnPacket(ref DecodedPacket packet, ref Flow flow, bool toServer)
    {
    }

    public void OnDns(in PacketContext context, DnsMessage message)
    {
        List<DnsAnswer>? answers = null;
        foreach (var record in message.Records)
        {
            if (record.Section != DnsSection.Answer)
                continue;
            answers ??= [];
            answers.Add(new DnsAnswer
            {
                Name = Name(message.Raw, record.NameOffset),
                Type = DnsTypeNames.Get(record.Type),
                Ttl = record.Ttl,
                Data = DnsRdata.TryFormat(message.Raw, record, _text, out var written)
                    ? Encoding.UTF8.GetString(_text, 0, written)
                    : null,
            });
        }
        Write(Envelope("dns", context) with
        {
            Dns = new DnsEvent
            {
                Id = message.Id,
                Qr = message.IsResponse ? "response" : "query",
                Qname = message.HasQuestion ? Name(message.Raw, message.QuestionNameOffset) : null,
                Qtype = message.HasQuestion ? DnsTypeNames.Get(message.QuestionType) : null,
                Rcode = message.IsResponse ? DnsRcodeNames.Get(message.Rcode) : null,
                Opcode = message.Opcode == 0 ? null : message.Opcode.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Aa = message.Authoritative,
                Tc = message.Truncated,
                Rd = message.RecursionDesired,
                Ra = message.RecursionAvailable,
                Ancount = message.AnswerCount,
                Nscount = message.AuthorityCount,
                Arcount = message.AdditionalCount,
                Edns = message.HasEdns
                    ? new EdnsInfo { UdpSize = message.EdnsUdpSize, Do = message.EdnsDnssecOk, Version = message.EdnsVersion }
                    : null,
                Answers = answers,
            },
        });
    }

    public void OnTlsClientHello(in PacketContext context, ClientHello hello)
    {
        string? sni = hello.TryGetServerName(out var name) ? EventText.Wire(name) : null;
        List<string>? alpn = null;
        foreach (var protocol in hello.Alpn)
            (alpn ??= []).Add(EventText.Wire(protocol));
        List<string>? versions = null;
        foreach (var version in hello.SupportedVersions)
            (versions ??= []).Add(EventText.Hex16(version));
        string? ja3String = null;
        string? ja3 = null;
        if (Ja3.TryFormat(hello, _text, out var ja3Length))
        {
            ja3String = Encoding.ASCII.GetString(_text, 0, ja3Length);
            Span<byte> hash = stackalloc byte[32];
            Ja3.HashHex(_text.AsSpan(0, ja3Length), hash);
            ja3 = Encoding.ASCII.GetString(hash);
        }
        Span<byte> ja4 = stackalloc byte[Ja4.Length];
        string? ja4Text = Ja4.TryFormat(hello, (byte)'t', ja4, out var ja4Length) ? Encoding.ASCII.GetString(ja4[..ja4Length]) : null;
        Write(Envelope("tls", context) with
        {
            Tls = new TlsEvent
            {
                Sni = sni,
                Version = EventText.Hex16(hello.HandshakeVersion),
                SupportedVersions = versions,
                Alpn = alpn,
                Ja3 = ja3,
                Ja3String = ja3String,
                Ja4 = ja4Text,
            },
        });
    }

    public void OnHttpRequest(in PacketContext context, HttpRequestHead request)
    {
        Write(Envelope("http", context) with
        {
            Http = new HttpEvent
            {
                Method = EventText.Wire(request.Method),
                Host = EventText.WireOrNull(request.Host),
                Uri = EventText.Wire(request.Uri),
                UserAgent = EventText.WireOrNull(request.UserAgent),
                Version = EventText.WireOrNull(request.Version),
            },
        });
    }

    public void OnFlowEnd(ref Flow flow, FlowEndReason reason)
    {
        Write(new EventRecord
        {
            Type = "flow",
            Ts = EventText.Timestamp(flow.LastSeenMicros),
            FlowId = flow.Id,
            SrcIp = EventText.Address(flow.Client),
            SrcPort = flow.ClientPort,
            DstIp = EventText.Address(flow.Server),
            DstPort = flow.ServerPort,
            Proto = EventText.Protocol(flow.Protocol),
            Flow = new FlowEvent
            {
                Start = EventText.Timestamp(flow.FirstSeenMicros),
                End = EventText.Timestamp(flow.LastSeenMicros),
                PktsToserver = flow.PacketsToServer,
                PktsToclient = flow.PacketsToClient,
                BytesToserver = flow.BytesToServer,
                BytesToclient = flow.BytesToClient,
                State = flow.Protocol == IpProtocols.Tcp ? EventText.State(flow.State) : null,
                Reason = EventText.Reason(reason),
                AppProto = EventText.App(flow.App),
            },
        });
    }

    public void Raise(Alert alert)
    {
        var f = alert.Finding;
        Write(new EventRecord
        {
            Type = "alert",
            Ts = EventText.Timestamp(alert.IsUpdate ? alert.LastSeenMicros : alert.FirstSeenMicros),
            FlowId = f.FlowId,
            SrcIp = EventText.Address(f.Client),
            SrcPort = f.ClientPort,
            DstIp = f.Server.Family == 0 ? null : EventText.Address(f.Server),
            DstPort = f.ServerPort,
            Proto = EventText.Protocol(f.Protocol),
            Alert = new AlertEvent
            {
                Id = alert.Id,
                Update = alert.IsUpdate,
                Category = f.Category,
                Severity = EventText.Severity(f.Severity),
                Rule = new AlertRule(f.RuleId, f.RuleName),
                Indicator = f.Indicator,
                Kind = f.Kind,
                Count = alert.Count,
                FirstSeen = EventText.Timestamp(alert.FirstSeenMicros),
                LastSeen = EventText.Timestamp(alert.LastSeenMicros),
                Evidence = f.Evidence,
                EvidenceFile = alert.EvidenceFile,
                Intel = f.IntelList is null ? null : new AlertIntel(f.IntelList, f.IntelSource),
                Blocked = f.Blocked ? true : null,
                Dns = f.DnsQname is null ? null : new AlertDns(f.DnsQname, f.DnsQtype, f.DnsRcode),
                Tls = f.TlsSni is null ? null : new AlertTls(f.TlsSni),
                Http = f.HttpHost is null ? null : new AlertHttp(f.HttpHost),
            },
        });
    }

    public void Flush()
    {
        _json.Flush();
        _output.Flush();
    }

    public void Dispose()
    {
        Flush();
        _json.Dispose();
        if (_ownsOutput)
            _output.Dispose();
    }

    private static EventRecord Envelope(string type, in PacketContext context) => new()
    {
        Type = type,
        Ts = EventText.Timestamp(context.TimestampMicros),
        FlowId = context.FlowId,
        SrcIp = EventText.Address(context.Source),
        SrcPort = context.SourcePort,
        DstIp = EventText.Address(context.Destination),
        DstPort = context.DestinationPort,
        Proto = EventText.Protocol(context.Protocol),
    };

    private string Name(ReadOnlySpan<byte> message, int offset) =>
        DnsName.TryRead(message, offset, _text, out var written) ? Encoding.UTF8.GetString(_text, 0, written) : "";

    private void Write(EventRecord record)
    {
        JsonSerializer.Serialize(_json, record, EventLogJsonContext.Default.EventRecord);
        _json.Flush();
        _output.Write(s_newLine);
        _json.Reset();
        Written++;
    }
}
