using Edge.Detect.Behaviour;
using Edge.Watch.Net;
using Edge.Watch.Packets;
using Edge.Watch.Transport;

namespace Edge.Detect.Tests.Behaviour;

/// <summary>TCP connection starts of a capture (the first SYN of each client 5-tuple), with the
/// client's payload bytes on that connection, in capture order.</summary>
internal static class ConnectionStarts
{
    public static List<(BeaconKey Key, long StartMicros, long ClientBytes)> Read(string scenario)
    {
        var index = new Dictionary<(IpAddr, ushort, IpAddr, ushort), int>();
        var starts = new List<(BeaconKey Key, long StartMicros, long ClientBytes)>();
        CorpusCapture.ForEachPacket(scenario, (int _, ref DecodedPacket packet) =>
        {
            if (!packet.IsTcp)
                return;
            var tuple = (packet.Ip.Source, packet.SourcePort, packet.Ip.Destination, packet.DestinationPort);
            if ((packet.Tcp.Flags & (TcpFlags.Syn | TcpFlags.Ack)) == TcpFlags.Syn && !index.ContainsKey(tuple))
            {
                index[tuple] = starts.Count;
                starts.Add((new BeaconKey(packet.Ip.Source, packet.Ip.Destination, packet.DestinationPort), packet.TimestampMicros, 0));
            }
            else if (index.TryGetValue(tuple, out var at))
                starts[at] = starts[at] with { ClientBytes = starts[at].ClientBytes + packet.Payload.Length };
        });
        return starts;
    }
}
