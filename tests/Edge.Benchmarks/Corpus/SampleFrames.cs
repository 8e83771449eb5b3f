using System.Buffers.Binary;
using Edge.Watch.Decoding;
using Edge.Watch.Dns;
using Edge.Watch.Link;
using Edge.Watch.Packets;
using Edge.Watch.Tests.TestSupport;
using Edge.Watch.Tls;
using Edge.Watch.Http;

namespace Edge.Benchmarks.Corpus;

/// <summary>Picks the first corpus frame of each <see cref="FrameKind"/> by decoding the pcaps, so the
/// choice does not depend on frame numbers.</summary>
public static class SampleFrames
{
    private const ushort DnsPort = 53;
    private const int MinBulkPayload = 512;

    public static SampleFrame Get(FrameKind kind) => kind switch
    {
        FrameKind.DnsQuery => First(kind, "dns-basic", IsDnsQuery),
        FrameKind.DnsResponse => First(kind, "dns-basic", IsDnsResponseWithAnswers),
        FrameKind.TlsClientHello => First(kind, "tls-sni", IsWholeClientHello),
        FrameKind.HttpGet => First(kind, "http", IsHttpGet),
        FrameKind.TcpAck => First(kind, "http", IsPureAck),
        FrameKind.TcpData => First(kind, "benign", IsBulkData),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private delegate bool Predicate(ref DecodedPacket packet);

    private static SampleFrame First(FrameKind kind, string scenario, Predicate matches)
    {
        var path = CorpusLocator.Pcap(scenario);
        foreach (var frame in PcapFile.Read(path))
        {
            var linkType = (LinkType)frame.LinkType;
            var packet = new DecodedPacket { TimestampMicros = frame.TimestampMicros, WireLength = frame.OriginalLength };
            if (PacketDecoder.Decode(linkType, frame.Data, ref packet, new DecodeErrorCounters()) != DecodeOutcome.Ip
                || !packet.HasTransport || !matches(ref packet))
                continue;
            return Describe(kind, path, frame, ref packet);
        }
        throw new InvalidDataException($"{path}: no frame fits {kind}");
    }

    private static SampleFrame Describe(FrameKind kind, string path, PcapFrame frame, ref DecodedPacket packet)
    {
        var network = packet.Link.NetworkOffset;
        var transport = network + packet.Ip.HeaderLength;
        if (BinaryPrimitives.ReadUInt16BigEndian(frame.Data.AsSpan(transport)) != packet.SourcePort)
            throw new InvalidDataException($"{path} frame {frame.Number}: transport header not where expected");
        // The client is the side with the higher (ephemeral) port: the source of a query, the
        // destination of a response.
        var clientIsSource = packet.SourcePort >= packet.DestinationPort;
        var portOffset = transport + (clientIsSource ? 0 : 2);
        var addressLength = packet.Ip.Version == 4 ? 4 : 16;
        var sourceAddress = network + (packet.Ip.Version == 4 ? 12 : 8);
        var addressOffset = sourceAddress + (clientIsSource ? 0 : addressLength);
        return new SampleFrame(kind, Path.GetFileName(path), frame.Number, (LinkType)frame.LinkType, frame.TimestampMicros,
            frame.Data, frame.OriginalLength, packet.Payload.ToArray(), portOffset, addressOffset + addressLength - 1);
    }

    private static bool IsDnsQuery(ref DecodedPacket packet) =>
        packet.IsUdp && packet.DestinationPort == DnsPort
        && DnsMessageReader.TryParse(packet.Payload, out var dns, out _) == ParseStatus.Done && !dns.IsResponse;

    private static bool IsDnsResponseWithAnswers(ref DecodedPacket packet) =>
        packet.IsUdp && packet.SourcePort == DnsPort
        && DnsMessageReader.TryParse(packet.Payload, out var dns, out _) == ParseStatus.Done
        && dns.IsResponse && dns.AnswerCount > 0;

    private static bool IsWholeClientHello(ref DecodedPacket packet) =>
        packet.IsTcp && ClientHelloReader.LooksLikeHandshake(packet.Payload)
        && ClientHelloReader.TryParse(packet.Payload, new byte[ClientHelloReader.MaxHandshakeLength], out _, out _) == ParseStatus.Done;

    private static bool IsHttpGet(ref DecodedPacket packet) =>
        packet.IsTcp && packet.Payload.StartsWith("GET "u8)
        && HttpRequestHeadReader.TryParse(packet.Payload, out _, out _, out _) == ParseStatus.Done;

    private static bool IsPureAck(ref DecodedPacket packet) =>
        packet.IsTcp && packet.Payload.IsEmpty && packet.Tcp.Flags == Watch.Transport.TcpFlags.Ack;

    private static bool IsBulkData(ref DecodedPacket packet) =>
        packet.IsTcp && packet.Payload.Length >= MinBulkPayload
        && !ClientHelloReader.LooksLikeHandshake(packet.Payload) && !HttpRequestHeadReader.LooksLikeRequest(packet.Payload);
}
