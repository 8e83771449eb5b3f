using System.Net;
using Edge.Cli.Synth.Wire;

namespace Edge.Cli.Synth.Packets;

/// <summary>IPv6 fixed header (RFC 8200 §3), no extension headers.</summary>
internal static class Ipv6Packet
{
    public const int HeaderLength = 40;

    public static byte[] Build(IPAddress source, IPAddress destination, byte nextHeader, byte hopLimit, uint flowLabel, ReadOnlySpan<byte> payload)
    {
        var writer = new PacketWriter(HeaderLength + payload.Length);
        writer.U32(0x6000_0000u | (flowLabel & 0xFFFFF)).U16(payload.Length).U8(nextHeader).U8(hopLimit);
        Span<byte> address = stackalloc byte[16];
        source.TryWriteBytes(address, out _);
        writer.Bytes(address);
        destination.TryWriteBytes(address, out _);
        writer.Bytes(address);
        writer.Bytes(payload);
        return writer.ToArray();
    }
}
