using System.Buffers.Binary;

using Edge.Watch.Tests.TestSupport;

namespace Edge.Resolve.Tests.TestSupport;

/// <summary>The DNS messages over UDP port 53 in the capture corpora (../shared/corpora beside the
/// folder holding Edge.sln, or EDGE_CORPORA): queries and responses, as the lab's dig, kdig and
/// iodine sent them.</summary>
public static class CorpusDns
{
    private static readonly Lazy<(byte[][] Queries, byte[][] Responses)> s_messages = new(Load);

    public static byte[][] Queries => s_messages.Value.Queries;

    public static byte[][] Responses => s_messages.Value.Responses;

    private static (byte[][], byte[][]) Load()
    {
        var queries = new List<byte[]>();
        var responses = new List<byte[]>();
        foreach (var scenario in Corpus.Scenarios().Order(StringComparer.Ordinal))
        {
            foreach (var frame in PcapFile.Read(Corpus.Pcap(scenario)))
            {
                var payload = UdpDnsPayload(frame.Data);
                if (payload is { Length: >= 12 })
                    ((payload[2] & 0x80) == 0 ? queries : responses).Add(payload);
            }
        }
        return ([.. queries], [.. responses]);
    }

    private static byte[]? UdpDnsPayload(byte[] frame)
    {
        var at = 12;
        if (frame.Length < 14)
            return null;
        var etherType = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(at));
        at += 2;
        if (etherType == 0x8100 && frame.Length >= 18)
        {
            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(at + 2));
            at += 4;
        }
        int udp;
        if (etherType == 0x0800 && frame.Length >= at + 20 && frame[at + 9] == 17)
            udp = at + (frame[at] & 0x0F) * 4;
        else if (etherType == 0x86DD && frame.Length >= at + 40 && frame[at + 6] == 17)
            udp = at + 40;
        else
            return null;
        if (frame.Length < udp + 8)
            return null;
        var source = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(udp));
        var destination = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(udp + 2));
        if (source != 53 && destination != 53)
            return null;
        var length = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(udp + 4)), frame.Length - udp);
        return length < 8 ? null : frame.AsSpan(udp + 8, length - 8).ToArray();
    }
}
