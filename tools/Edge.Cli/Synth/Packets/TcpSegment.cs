using System.Net;
using Edge.Cli.Synth.Wire;
using Edge.Watch.Transport;

namespace Edge.Cli.Synth.Packets;

/// <summary>TCP header plus payload (RFC 9293 §3.1) with the pseudo-header checksum filled in.</summary>
internal static class TcpSegment
{
    public static byte[] Build(IPAddress source, IPAddress destination, int sourcePort, int destinationPort,
        uint sequence, uint acknowledgment, TcpFlags flags, int window, ReadOnlySpan<byte> options, ReadOnlySpan<byte> payload)
    {
        if (options.Length % 4 != 0)
            throw new ArgumentException("TCP options must be padded to 32-bit words", nameof(options));
        var headerLength = 20 + options.Length;
        var writer = new PacketWriter(headerLength + payload.Length);
        writer.U16(sourcePort).U16(destinationPort).U32(sequence).U32(acknowledgment)
            .U8((headerLength / 4) << 4).U8((int)flags).U16(window)
            .U16(0).U16(0)
            .Bytes(options).Bytes(payload);
        writer.PatchU16(16, TransportChecksum.Compute(source, destination, IpProtocol.Tcp, writer.Written));
        return writer.ToArray();
    }
}
