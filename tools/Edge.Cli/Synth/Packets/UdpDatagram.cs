using System.Net;
using Edge.Cli.Synth.Wire;

namespace Edge.Cli.Synth.Packets;

/// <summary>UDP header plus payload (RFC 768) with the pseudo-header checksum filled in.</summary>
internal static class UdpDatagram
{
    public static byte[] Build(IPAddress source, IPAddress destination, int sourcePort, int destinationPort, ReadOnlySpan<byte> payload)
    {
        var writer = new PacketWriter(8 + payload.Length);
        writer.U16(sourcePort).U16(destinationPort).U16(8 + payload.Length).U16(0).Bytes(payload);
        writer.PatchU16(6, TransportChecksum.Compute(source, destination, IpProtocol.Udp, writer.Written));
        return writer.ToArray();
    }
}
