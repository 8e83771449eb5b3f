using Edge.Watch.Decoding;
using Edge.Watch.Link;
using Edge.Watch.Packets;

namespace Edge.Watch.Tests.TestSupport;

public static class Decode
{
    public static DecodedPacket Ethernet(byte[] frame, long timestampMicros = 0)
    {
        var packet = new DecodedPacket { TimestampMicros = timestampMicros, WireLength = frame.Length };
        var outcome = PacketDecoder.Decode(LinkType.Ethernet, frame, ref packet, new DecodeErrorCounters());
        if (outcome != DecodeOutcome.Ip)
            throw new InvalidOperationException("test frame did not decode: " + outcome);
        return packet;
    }
}
