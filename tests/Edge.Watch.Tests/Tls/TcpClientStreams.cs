using System.Buffers.Binary;
using Edge.Watch.Tests.TestSupport;

namespace Edge.Watch.Tests.Tls;

/// <summary>One direction of a TCP connection, reassembled in sequence order, with the frame numbers
/// that carried its payload.</summary>
public sealed record TcpDirection(string Key, bool Initiator, byte[] Payload, IReadOnlySet<int> Frames);

/// <summary>Test-only TCP reassembly: Ethernet (optional 802.1Q) / IPv4 or IPv6 (no extension headers)
/// / TCP; payload grouped by 5-tuple direction, ordered by sequence number from the SYN.</summary>
public static class TcpClientStreams
{
    public static IReadOnlyList<TcpDirection> Read(string pcapPath)
    {
        var flows = new Dictionary<string, Flow>();
        var order = new List<string>();
        foreach (var frame in PcapFile.Read(pcapPath))
        {
            if (!TryParseTcp(frame.Data, out var key, out var seq, out var flags, out var payload))
                continue;
            if (!flows.TryGetValue(key, out var flow))
            {
                flows[key] = flow = new Flow();
                order.Add(key);
            }
            var syn = (flags & 0x02) != 0;
            var ack = (flags & 0x10) != 0;
            if (syn)
            {
                flow.Isn = seq;
                flow.Initiator = !ack;
            }
            if (payload.Length > 0)
                flow.Segments.Add((frame.Number, seq, payload.ToArray()));
        }
        var result = new List<TcpDirection>();
        foreach (var key in order)
        {
            var flow = flows[key];
            if (flow.Segments.Count == 0)
                continue;
            result.Add(Assemble(key, flow));
        }
        return result;
    }

    private static TcpDirection Assemble(string key, Flow flow)
    {
        var start = flow.Isn is { } isn ? isn + 1 : flow.Segments.Min(s => s.Seq);
        var ordered = flow.Segments.OrderBy(s => unchecked(s.Seq - start)).ThenBy(s => s.Frame).ToList();
        var bytes = new List<byte>();
        var frames = new HashSet<int>();
        foreach (var (frameNumber, seq, data) in ordered)
        {
            var offset = (long)unchecked(seq - start);
            if (offset > bytes.Count)
                break; // a gap: stop at what is contiguous
            var skip = bytes.Count - (int)offset;
            if (skip < data.Length)
                bytes.AddRange(data.Skip(skip));
            frames.Add(frameNumber);
        }
        return new TcpDirection(key, flow.Initiator, bytes.ToArray(), frames);
    }

    private static bool TryParseTcp(ReadOnlySpan<byte> frame, out string key, out uint seq, out byte flags, out ReadOnlySpan<byte> payload)
    {
        key = "";
        seq = 0;
        flags = 0;
        payload = default;
        if (frame.Length < 14)
            return false;
        var etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
        var offset = 14;
        if (etherType == 0x8100 && frame.Length >= 18)
        {
            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[16..]);
            offset = 18;
        }
        var ip = frame[offset..];
        string src, dst;
        ReadOnlySpan<byte> tcp;
        if (etherType == 0x0800 && ip.Length >= 20)
        {
            var ihl = (ip[0] & 0x0F) * 4;
            var total = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
            if (ip[9] != 6 || total > ip.Length || total < ihl)
                return false;
            src = new System.Net.IPAddress(ip.Slice(12, 4)).ToString();
            dst = new System.Net.IPAddress(ip.Slice(16, 4)).ToString();
            tcp = ip[ihl..total];
        }
        else if (etherType == 0x86DD && ip.Length >= 40)
        {
            var payloadLength = BinaryPrimitives.ReadUInt16BigEndian(ip[4..]);
            if (ip[6] != 6 || 40 + payloadLength > ip.Length)
                return false;
            src = "[" + new System.Net.IPAddress(ip.Slice(8, 16)) + "]";
            dst = "[" + new System.Net.IPAddress(ip.Slice(24, 16)) + "]";
            tcp = ip.Slice(40, payloadLength);
        }
        else
        {
            return false;
        }
        if (tcp.Length < 20)
            return false;
        var dataOffset = (tcp[12] >> 4) * 4;
        if (dataOffset < 20 || dataOffset > tcp.Length)
            return false;
        var sport = BinaryPrimitives.ReadUInt16BigEndian(tcp);
        var dport = BinaryPrimitives.ReadUInt16BigEndian(tcp[2..]);
        key = $"{src}:{sport}->{dst}:{dport}";
        seq = BinaryPrimitives.ReadUInt32BigEndian(tcp[4..]);
        flags = tcp[13];
        payload = tcp[dataOffset..];
        return true;
    }

    private sealed class Flow
    {
        public uint? Isn { get; set; }

        public bool Initiator { get; set; } = true;

        public List<(int Frame, uint Seq, byte[] Data)> Segments { get; } = [];
    }
}
