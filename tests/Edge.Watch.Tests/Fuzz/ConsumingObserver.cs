using Edge.Watch.Dns;
using Edge.Watch.Flows;
using Edge.Watch.Http;
using Edge.Watch.Packets;
using Edge.Watch.Pipeline;
using Edge.Watch.Tls;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>Does with every event what a consumer (detectors, the event log) does: reads every field,
/// formats every name, record and fingerprint. What the codecs promise for validated messages is
/// checked, and a broken promise throws, which the driver reports like a crash.</summary>
public sealed class ConsumingObserver : IWatchObserver
{
    private readonly byte[] _name = new byte[DnsName.MaxPresentationLength];
    private readonly byte[] _rdata = new byte[256 * 1024];
    private readonly byte[] _ja3 = new byte[Ja3.MaxStringLength];
    private readonly byte[] _ja3Hash = new byte[32];
    private readonly byte[] _ja4 = new byte[Ja4.Length];

    /// <summary>Folds in what was read, so none of the reading is dead.</summary>
    public ulong Checksum { get; private set; }

    public long Packets { get; private set; }
    public long DnsMessages { get; private set; }
    public long DnsRecords { get; private set; }
    public long TlsHellos { get; private set; }
    public long HttpRequests { get; private set; }
    public long FlowEnds { get; private set; }

    public void OnPacket(ref DecodedPacket packet, ref Flow flow, bool toServer)
    {
        Packets++;
        Mix((ulong)packet.TimestampMicros ^ (ulong)packet.WireLength ^ (ulong)packet.Ip.Source.GetHashCode() ^ (ulong)packet.Ip.Destination.GetHashCode());
        Mix((ulong)packet.SourcePort << 16 | packet.DestinationPort | (ulong)packet.Protocol << 32 | (ulong)packet.Tcp.Flags << 40);
        Mix((ulong)packet.IpPayload.Length ^ (ulong)packet.Payload.Length ^ packet.IcmpType ^ (ulong)packet.Ip.FragmentOffset);
        Mix(toServer ? 1UL : 2UL);
        ReadFlow(ref flow);
    }

    public void OnDns(in PacketContext context, DnsMessage message)
    {
        DnsMessages++;
        ReadContext(context);
        Mix((ulong)message.Id ^ message.Opcode ^ message.Rcode ^ message.EdnsUdpSize ^ message.EdnsVersion);
        Mix((message.IsResponse ? 1UL : 0) | (message.Truncated ? 2UL : 0) | (message.EdnsDnssecOk ? 4UL : 0) | (message.HasEdns ? 8UL : 0));
        Mix(((ulong)message.QuestionCount << 48) | ((ulong)message.AnswerCount << 32) | ((ulong)message.AuthorityCount << 16) | message.AdditionalCount);
        Mix((ulong)DnsTypeNames.Get(message.QuestionType).Length ^ (ulong)DnsRcodeNames.Get(message.Rcode).Length ^ message.QuestionClass);
        var qname = DnsName.TryRead(message.Raw, message.QuestionNameOffset, _name, out var written);
        if (message.HasQuestion && !qname)
            throw new InvalidOperationException("a validated question name does not read");
        Mix((ulong)written);
        foreach (var record in message.Records)
        {
            DnsRecords++;
            if (!DnsName.TryRead(message.Raw, record.NameOffset, _name, out written))
                throw new InvalidOperationException($"the owner name of a validated {DnsTypeNames.Get(record.Type)} record does not read");
            Mix((ulong)written ^ record.Ttl ^ record.Class ^ (ulong)record.Section ^ (ulong)DnsTypeNames.Get(record.Type).Length);
            var formatted = DnsRdata.TryFormat(message.Raw, record, _rdata, out written);
            if (!formatted && AlwaysFormats(record.Type))
                throw new InvalidOperationException($"the RDATA of a validated {DnsTypeNames.Get(record.Type)} record does not format");
            Mix((ulong)written ^ (ulong)record.Data.Length);
        }
    }

    public void OnTlsClientHello(in PacketContext context, ClientHello hello)
    {
        TlsHellos++;
        ReadContext(context);
        if (hello.TryGetServerName(out var host))
            Mix((ulong)host.Length ^ host[0]);
        foreach (var protocol in hello.Alpn)
            Mix((ulong)protocol.Length ^ protocol[0]);
        foreach (var version in hello.SupportedVersions)
            Mix(version);
        foreach (var extension in hello.EnumerateExtensions())
            Mix((ulong)extension.Type ^ (ulong)extension.Data.Length);
        Mix((ulong)hello.Random.Length ^ (ulong)hello.SessionId.Length ^ (ulong)hello.CipherSuites.Length ^ (ulong)hello.CompressionMethods.Length ^ hello.RecordVersion);
        if (Ja3.TryFormat(hello, _ja3, out var written))
        {
            Ja3.HashHex(_ja3.AsSpan(0, written), _ja3Hash);
            Mix(_ja3Hash[0]);
        }
        if (!Ja4.TryFormat(hello, (byte)'t', _ja4, out written) || written != Ja4.Length)
            throw new InvalidOperationException("JA4 did not fill its 36 bytes");
        Mix(_ja4[^1]);
    }

    public void OnHttpRequest(in PacketContext context, HttpRequestHead request)
    {
        HttpRequests++;
        ReadContext(context);
        Mix(Sum(request.Method) ^ Sum(request.Uri) ^ Sum(request.Version) ^ Sum(request.Host) ^ Sum(request.UserAgent) ^ (ulong)request.HeaderCount);
    }

    public void OnFlowEnd(ref Flow flow, FlowEndReason reason)
    {
        FlowEnds++;
        ReadFlow(ref flow);
        Mix((ulong)reason);
    }

    // The types whose RDATA the validator checks fully, so a validated record always formats.
    private static bool AlwaysFormats(ushort type) => type is DnsType.A or DnsType.AAAA or DnsType.CNAME or DnsType.NS
        or DnsType.PTR or DnsType.DNAME or DnsType.SOA or DnsType.MX or DnsType.SRV or DnsType.TXT or DnsType.SVCB or DnsType.HTTPS;

    private void ReadFlow(ref Flow flow)
    {
        Mix(flow.Id ^ (ulong)flow.Client.GetHashCode() ^ (ulong)flow.Server.GetHashCode() ^ flow.ClientPort ^ (ulong)flow.ServerPort << 16);
        Mix((ulong)flow.Protocol ^ (ulong)flow.State << 8 ^ (ulong)flow.App << 16 ^ (ulong)flow.FlagsToServer << 24 ^ (ulong)flow.FlagsToClient << 32);
        Mix((ulong)flow.FirstSeenMicros ^ (ulong)flow.LastSeenMicros ^ (ulong)flow.Packets ^ (ulong)flow.Bytes);
        Mix((ulong)flow.PacketsToServer ^ (ulong)flow.PacketsToClient ^ (ulong)flow.BytesToServer ^ (ulong)flow.BytesToClient);
        ReadStream(flow.ToServer);
        ReadStream(flow.ToClient);
    }

    private void ReadStream(in StreamState stream) =>
        Mix(stream.NextSequence ^ (ulong)stream.SkipRemaining ^ (ulong)stream.Buffer ^ (ulong)stream.Mode ^ (stream.HasSequence ? 1UL : 0));

    private void ReadContext(in PacketContext context) =>
        Mix((ulong)context.TimestampMicros ^ (ulong)context.Source.GetHashCode() ^ (ulong)context.Destination.GetHashCode()
            ^ context.SourcePort ^ context.DestinationPort ^ context.Protocol ^ context.FlowId ^ (context.ToServer ? 1UL : 0));

    private static ulong Sum(ReadOnlySpan<byte> bytes)
    {
        ulong sum = (ulong)bytes.Length;
        foreach (var b in bytes)
            sum = (sum * 31) + b;
        return sum;
    }

    private void Mix(ulong value) => Checksum = (Checksum ^ value) * 0x100000001B3UL;
}
