using System.Buffers.Binary;
using System.Net;
using Edge.Watch.Net;
using Edge.Watch.Transport;

namespace Edge.Watch.Tests.TestSupport;

/// <summary>Builds Ethernet frames for decoder tests (checksums left zero: the decoder does not verify them).</summary>
public static class Frames
{
    public static byte[] Ethernet(ushort etherType, ReadOnlySpan<byte> payload, params ushort[] vlanTags)
    {
        var frame = new byte[14 + (vlanTags.Length * 4) + payload.Length];
        frame[0] = 0x02;
        frame[6] = 0x02;
        frame[11] = 1;
        var offset = 12;
        for (var i = 0; i < vlanTags.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(offset), i == 0 ? (ushort)0x88A8 : (ushort)0x8100);
            if (vlanTags.Length == 1)
                BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(offset), 0x8100);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(offset + 2), vlanTags[i]);
            offset += 4;
        }
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(offset), etherType);
        payload.CopyTo(frame.AsSpan(offset + 2));
        return frame;
    }

    public static byte[] Ipv4(string source, string destination, byte protocol, ReadOnlySpan<byte> payload, ushort flagsAndOffset = 0, int optionBytes = 0)
    {
        var headerLength = 20 + optionBytes;
        var packet = new byte[headerLength + payload.Length];
        packet[0] = (byte)(0x40 | (headerLength / 4));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)packet.Length);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(6), flagsAndOffset);
        packet[8] = 64;
        packet[9] = protocol;
        IPAddress.Parse(source).GetAddressBytes().CopyTo(packet, 12);
        IPAddress.Parse(destination).GetAddressBytes().CopyTo(packet, 16);
        for (var i = 20; i < headerLength; i++)
            packet[i] = 1; // NOP options
        payload.CopyTo(packet.AsSpan(headerLength));
        return packet;
    }

    /// <summary>IPv6 with optional extension headers given as (type, length-in-bytes) pairs, in order.</summary>
    public static byte[] Ipv6(string source, string destination, byte protocol, ReadOnlySpan<byte> payload, params (byte Type, int Length)[] extensions)
    {
        var extensionBytes = 0;
        foreach (var (_, length) in extensions)
            extensionBytes += length;
        var packet = new byte[40 + extensionBytes + payload.Length];
        packet[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), (ushort)(extensionBytes + payload.Length));
        packet[6] = extensions.Length > 0 ? extensions[0].Type : protocol;
        packet[7] = 64;
        IPAddress.Parse(source).GetAddressBytes().CopyTo(packet, 8);
        IPAddress.Parse(destination).GetAddressBytes().CopyTo(packet, 24);
        var offset = 40;
        for (var i = 0; i < extensions.Length; i++)
        {
            var (type, length) = extensions[i];
            packet[offset] = i + 1 < extensions.Length ? extensions[i + 1].Type : protocol;
            packet[offset + 1] = type == 51 ? (byte)((length / 4) - 2) : (byte)((length / 8) - 1);
            offset += length;
        }
        payload.CopyTo(packet.AsSpan(offset));
        return packet;
    }

    public static byte[] Tcp(ushort sourcePort, ushort destinationPort, TcpFlags flags, uint sequence, uint acknowledgment, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> options = default)
    {
        var headerLength = 20 + ((options.Length + 3) / 4 * 4);
        var segment = new byte[headerLength + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(segment, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(segment.AsSpan(4), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(segment.AsSpan(8), acknowledgment);
        segment[12] = (byte)((headerLength / 4) << 4);
        segment[13] = (byte)flags;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(14), 65535);
        options.CopyTo(segment.AsSpan(20));
        payload.CopyTo(segment.AsSpan(headerLength));
        return segment;
    }

    public static byte[] Udp(ushort sourcePort, ushort destinationPort, ReadOnlySpan<byte> payload)
    {
        var datagram = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(datagram, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(4), (ushort)datagram.Length);
        payload.CopyTo(datagram.AsSpan(8));
        return datagram;
    }

    /// <summary>Fills in the IPv4 header checksum and the TCP/UDP checksum of an Ethernet/IPv4 frame.</summary>
    public static byte[] WithChecksums(byte[] frame)
    {
        var ip = frame.AsSpan(14);
        var headerLength = (ip[0] & 0x0f) * 4;
        ip[10] = 0;
        ip[11] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], (ushort)~InternetChecksum.Fold(InternetChecksum.Add(0, ip[..headerLength])));
        var segment = ip[headerLength..BinaryPrimitives.ReadUInt16BigEndian(ip[2..])];
        var at = ip[9] == IpProtocols.Tcp ? 16 : 6;
        segment[at] = 0;
        segment[at + 1] = 0;
        var sum = InternetChecksum.Add(0, ip.Slice(12, 8)) + (uint)segment.Length + ip[9];
        BinaryPrimitives.WriteUInt16BigEndian(segment[at..], (ushort)~InternetChecksum.Fold(InternetChecksum.Add(sum, segment)));
        return frame;
    }

    /// <summary>Fills in only the IPv4 header checksum (for fragments, whose transport checksum covers the whole datagram).</summary>
    public static byte[] WithIpChecksum(byte[] frame)
    {
        var ip = frame.AsSpan(14);
        var headerLength = (ip[0] & 0x0f) * 4;
        ip[10] = 0;
        ip[11] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], (ushort)~InternetChecksum.Fold(InternetChecksum.Add(0, ip[..headerLength])));
        return frame;
    }

    public static byte[] TcpV4(string source, ushort sourcePort, string destination, ushort destinationPort, TcpFlags flags, uint sequence, ReadOnlySpan<byte> payload = default, uint acknowledgment = 0) =>
        Ethernet(0x0800, Ipv4(source, destination, 6, Tcp(sourcePort, destinationPort, flags, sequence, acknowledgment, payload)));

    public static byte[] UdpV4(string source, ushort sourcePort, string destination, ushort destinationPort, ReadOnlySpan<byte> payload) =>
        Ethernet(0x0800, Ipv4(source, destination, 17, Udp(sourcePort, destinationPort, payload)));
}
