using System.Net;
using Edge.Cli.Synth.Wire;

namespace Edge.Cli.Synth.Packets;

/// <summary>IPv4 header without options (RFC 791), header checksum filled in.</summary>
internal static class Ipv4Packet
{
    public const int HeaderLength = 20;

    /// <param name="fragmentOffset">offset of <paramref name="payload"/> in the original datagram, in bytes (a multiple of 8)</param>
    public static byte[] Build(IPAddress source, IPAddress destination, byte protocol, ushort id, byte ttl,
        ReadOnlySpan<byte> payload, bool dontFragment = true, int fragmentOffset = 0, bool moreFragments = false)
    {
        var flags = (dontFragment ? 0x4000 : 0) | (moreFragments ? 0x2000 : 0) | (fragmentOffset / 8);
        var writer = new PacketWriter(HeaderLength + payload.Length);
        writer.U8(0x45).U8(0).U16(HeaderLength + payload.Length)
            .U16(id).U16(flags)
            .U8(ttl).U8(protocol).U16(0);
        Span<byte> address = stackalloc byte[4];
        source.TryWriteBytes(address, out _);
        writer.Bytes(address);
        destination.TryWriteBytes(address, out _);
        writer.Bytes(address);
        writer.PatchU16(10, InternetChecksum.Compute(writer.Written[..HeaderLength]));
        writer.Bytes(payload);
        return writer.ToArray();
    }
}
