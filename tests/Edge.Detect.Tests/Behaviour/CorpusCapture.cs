using System.Buffers.Binary;
using Edge.Watch.Decoding;
using Edge.Watch.Link;
using Edge.Watch.Packets;

namespace Edge.Detect.Tests.Behaviour;

internal delegate void PacketAction(int frameNumber, ref DecodedPacket packet);

/// <summary>Reads corpus captures (classic pcap, Ethernet) and decodes them with Edge.Watch.
/// The corpus lives in ../shared/corpora beside the folder holding Edge.sln.</summary>
internal static class CorpusCapture
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string TruthPath(string scenario) => Path.Combine(s_root.Value, "truth", scenario + ".json");

    public static void ForEachPacket(string scenario, PacketAction action)
    {
        var bytes = File.ReadAllBytes(Path.Combine(s_root.Value, "pcaps", scenario + ".pcap"));
        Assert.Equal(0xa1b2c3d4u, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        var linkType = (LinkType)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(20));
        var errors = new DecodeErrorCounters();
        var offset = 24;
        for (var frame = 1; offset + 16 <= bytes.Length; frame++)
        {
            var header = bytes.AsSpan(offset);
            var micros = BinaryPrimitives.ReadUInt32LittleEndian(header) * 1_000_000L + BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            var captured = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
            offset += 16;
            var packet = new DecodedPacket { TimestampMicros = micros };
            if (PacketDecoder.Decode(linkType, bytes.AsSpan(offset, captured), ref packet, errors) != DecodeOutcome.Error && packet.HasTransport)
                action(frame, ref packet);
            offset += captured;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Edge.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpora"));
        }
        throw new DirectoryNotFoundException("Edge.sln not found above the test binaries");
    }
}
