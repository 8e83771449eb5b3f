using System.Net;
using System.Net.Sockets;

namespace Edge.Cli.Synth.Packets;

/// <summary>
/// Checksum over the pseudo-header plus the upper-layer packet: RFC 793 §3.1 / RFC 768 for IPv4,
/// RFC 8200 §8.1 for IPv6 (also used by ICMPv6, RFC 4443 §2.3).
/// </summary>
internal static class TransportChecksum
{
    public static ushort Compute(IPAddress source, IPAddress destination, byte protocol, ReadOnlySpan<byte> segment)
    {
        var v6 = source.AddressFamily == AddressFamily.InterNetworkV6;
        Span<byte> pseudo = stackalloc byte[v6 ? 40 : 12];
        var size = v6 ? 16 : 4;
        source.TryWriteBytes(pseudo, out _);
        destination.TryWriteBytes(pseudo[size..], out _);
        if (v6)
        {
            pseudo[32] = (byte)(segment.Length >> 24);
            pseudo[33] = (byte)(segment.Length >> 16);
            pseudo[34] = (byte)(segment.Length >> 8);
            pseudo[35] = (byte)segment.Length;
            pseudo[39] = protocol;
        }
        else
        {
            pseudo[9] = protocol;
            pseudo[10] = (byte)(segment.Length >> 8);
            pseudo[11] = (byte)segment.Length;
        }
        var sum = InternetChecksum.Add(InternetChecksum.Add(0, pseudo), segment);
        var result = InternetChecksum.Finish(sum);
        // RFC 768: a computed UDP checksum of zero is sent as all ones (zero means "none").
        return protocol == IpProtocol.Udp && result == 0 ? (ushort)0xFFFF : result;
    }
}
