using System.Net;
using Edge.Cli.Synth.Wire;

namespace Edge.Cli.Synth.Packets;

/// <summary>ICMP echo request/reply (RFC 792) and ICMPv6 echo (RFC 4443 §4.1, pseudo-header checksum).</summary>
internal static class IcmpEcho
{
    public static byte[] Build(IPAddress source, IPAddress destination, bool reply, ushort id, ushort sequence, ReadOnlySpan<byte> data)
    {
        var v6 = source.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        var type = v6 ? (reply ? 129 : 128) : (reply ? 0 : 8);
        var writer = new PacketWriter(8 + data.Length);
        writer.U8(type).U8(0).U16(0).U16(id).U16(sequence).Bytes(data);
        var checksum = v6
            ? TransportChecksum.Compute(source, destination, IpProtocol.IcmpV6, writer.Written)
            : InternetChecksum.Compute(writer.Written);
        writer.PatchU16(2, checksum);
        return writer.ToArray();
    }
}
