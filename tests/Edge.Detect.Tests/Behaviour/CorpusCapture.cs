using Edge.Watch.Decoding;
using Edge.Watch.Link;
using Edge.Watch.Packets;
using Edge.Watch.Tests.TestSupport;

namespace Edge.Detect.Tests.Behaviour;

internal delegate void PacketAction(int frameNumber, ref DecodedPacket packet);

/// <summary>Decodes every frame of a corpus capture with Edge.Watch and hands over those with a transport header.</summary>
internal static class CorpusCapture
{
    public static string TruthPath(string scenario) => Corpus.Truth(scenario);

    public static void ForEachPacket(string scenario, PacketAction action)
    {
        var errors = new DecodeErrorCounters();
        foreach (var frame in PcapFile.Read(Corpus.Pcap(scenario)))
        {
            var packet = new DecodedPacket { TimestampMicros = frame.TimestampMicros };
            if (PacketDecoder.Decode((LinkType)frame.LinkType, frame.Data, ref packet, errors) != DecodeOutcome.Error && packet.HasTransport)
                action(frame.Number, ref packet);
        }
    }
}
