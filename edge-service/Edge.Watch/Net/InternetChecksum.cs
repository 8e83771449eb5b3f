using System.Buffers.Binary;

namespace Edge.Watch.Net;

/// <summary>The Internet checksum (RFC 1071): the ones'-complement sum of 16-bit words.</summary>
public static class InternetChecksum
{
    /// <summary>Adds <paramref name="data"/> to a running 64-bit sum, 4 bytes at a time.</summary>
    public static ulong Add(ulong sum, ReadOnlySpan<byte> data)
    {
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
            sum += BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
        if (i + 2 <= data.Length)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
            i += 2;
        }
        if (i < data.Length)
            sum += (uint)data[i] << 8;
        return sum;
    }

    /// <summary>Folds a running sum to 16 bits; a correct packet folds to 0xFFFF.</summary>
    public static ushort Fold(ulong sum)
    {
        while (sum >> 16 != 0)
            sum = (sum & 0xffff) + (sum >> 16);
        return (ushort)sum;
    }

    /// <summary>RFC 791 §3.1: the header checksum of an IPv4 header.</summary>
    public static bool IsValidIpv4Header(ReadOnlySpan<byte> header) => Fold(Add(0, header)) == 0xffff;

    /// <summary>TCP or UDP checksum over the pseudo-header (RFC 9293 §3.1, RFC 768, RFC 8200 §8.1) and
    /// the whole segment. An IPv4 UDP checksum of zero means none was computed.</summary>
    public static bool IsValidTransport(in IpHeader ip, ReadOnlySpan<byte> segment)
    {
        if (ip.Protocol == IpProtocols.Udp && ip.Version == 4 && segment.Length >= 8 && segment[6] == 0 && segment[7] == 0)
            return true;
        Span<byte> address = stackalloc byte[16];
        var length = ip.Source.WriteBytes(address);
        var sum = Add(0, address[..length]);
        ip.Destination.WriteBytes(address);
        sum = Add(sum, address[..length]);
        sum += (uint)segment.Length;
        sum += ip.Protocol;
        return Fold(Add(sum, segment)) == 0xffff;
    }
}
