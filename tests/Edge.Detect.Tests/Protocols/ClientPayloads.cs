using Edge.Detect.Tests.Behaviour;
using Edge.Watch.Net;
using Edge.Watch.Packets;
using Edge.Watch.Transport;

namespace Edge.Detect.Tests.Protocols;

/// <summary>TCP payloads of a capture, told apart by direction: the client is the side that sent the SYN.</summary>
internal static class ClientPayloads
{
    public static List<(int Frame, bool ToServer, byte[] Payload)> Read(string scenario)
    {
        var clients = new HashSet<(IpAddr, ushort, IpAddr, ushort)>();
        var payloads = new List<(int, bool, byte[])>();
        CorpusCapture.ForEachPacket(scenario, (int frame, ref DecodedPacket packet) =>
        {
            if (!packet.IsTcp)
                return;
            var tuple = (packet.Ip.Source, packet.SourcePort, packet.Ip.Destination, packet.DestinationPort);
            if ((packet.Tcp.Flags & (TcpFlags.Syn | TcpFlags.Ack)) == TcpFlags.Syn)
                clients.Add(tuple);
            if (!packet.Payload.IsEmpty)
                payloads.Add((frame, clients.Contains(tuple), packet.Payload.ToArray()));
        });
        return payloads;
    }
}
