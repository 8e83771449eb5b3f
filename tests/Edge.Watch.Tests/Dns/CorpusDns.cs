using System.Buffers.Binary;
using Edge.Watch.Tests.TestSupport;

namespace Edge.Watch.Tests.Dns;

/// <summary>UDP port-53 payloads of a corpus pcap, by frame number. Fixed Ethernet/IPv4/IPv6/UDP
/// offsets are enough here: corpus frames are untagged Ethernet, IPv6 without extension headers.
/// IPv4 fragments (iodine's large NULL answers) are joined and the message is given the last
/// fragment's frame number, as tshark does.</summary>
internal static class CorpusDns
{
    public sealed record Payload(int Frame, byte[] Data);

    public static List<Payload> UdpPayloads(string scenario)
    {
        var payloads = new List<Payload>();
        var fragments = new Dictionary<(ulong Addresses, ushort Id), SortedDictionary<int, byte[]>>();
        foreach (var frame in PcapFile.Read(Corpus.Pcap(scenario)))
        {
            var udp = IpPayload(frame.Data, fragments);
            if (udp is null || udp.Length < 8)
                continue;
            var ports = udp.AsSpan();
            if (BinaryPrimitives.ReadUInt16BigEndian(ports) != 53 && BinaryPrimitives.ReadUInt16BigEndian(ports[2..]) != 53)
                continue;
            int length = BinaryPrimitives.ReadUInt16BigEndian(ports[4..]);
            payloads.Add(new Payload(frame.Number, udp.AsSpan(8, length - 8).ToArray()));
        }
        return payloads;
    }

    /// <summary>ICMP errors, which quote the datagram that caused them; tshark decodes the quoted DNS too.</summary>
    public static HashSet<int> IcmpFrames(string scenario)
    {
        var frames = new HashSet<int>();
        foreach (var frame in PcapFile.Read(Corpus.Pcap(scenario)))
        {
            var data = frame.Data;
            var etherType = data.Length >= 14 ? BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(12)) : 0;
            if ((etherType == 0x0800 && data.Length > 23 && data[23] == 1) || (etherType == 0x86DD && data.Length > 20 && data[20] == 58))
                frames.Add(frame.Number);
        }
        return frames;
    }

    private static byte[]? IpPayload(byte[] data, Dictionary<(ulong, ushort), SortedDictionary<int, byte[]>> fragments)
    {
        if (data.Length < 14)
            return null;
        var etherType = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(12));
        if (etherType == 0x86DD)
            return data.Length >= 54 && data[20] == 17 ? data.AsSpan(54).ToArray() : null;
        if (etherType != 0x0800 || data.Length < 34 || data[23] != 17)
            return null;
        var ip = data.AsSpan(14);
        var headerLength = (ip[0] & 0x0F) * 4;
        var totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        var payload = ip[headerLength..totalLength].ToArray();
        var flags = BinaryPrimitives.ReadUInt16BigEndian(ip[6..]);
        var moreFragments = (flags & 0x2000) != 0;
        var offset = (flags & 0x1FFF) * 8;
        if (!moreFragments && offset == 0)
            return payload;
        var key = (BinaryPrimitives.ReadUInt64BigEndian(ip[12..]), BinaryPrimitives.ReadUInt16BigEndian(ip[4..]));
        if (!fragments.TryGetValue(key, out var parts))
            fragments[key] = parts = [];
        parts[offset] = payload;
        if (moreFragments)
            return null;
        fragments.Remove(key);
        var joined = new List<byte>();
        foreach (var (at, part) in parts)
        {
            if (at != joined.Count)
                return null;
            joined.AddRange(part);
        }
        return [.. joined];
    }
}
