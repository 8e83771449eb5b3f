using System.Buffers.Binary;

namespace Edge.Watch.Tests.TestSupport;

/// <summary>One frame of a classic pcap file, as tests need it: no libpcap involved.</summary>
public sealed record PcapFrame(int Number, long TimestampMicros, int LinkType, byte[] Data, int OriginalLength);

/// <summary>Minimal classic-pcap reader for tests (both byte orders, micro- and nanosecond magic).</summary>
public static class PcapFile
{
    public static IReadOnlyList<PcapFrame> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 24)
            throw new InvalidDataException($"{path}: shorter than a pcap header");
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        var (bigEndian, nanos) = magic switch
        {
            0xa1b2c3d4 => (false, false),
            0xa1b23c4d => (false, true),
            0xd4c3b2a1 => (true, false),
            0x4d3cb2a1 => (true, true),
            _ => throw new InvalidDataException($"{path}: not a classic pcap (magic 0x{magic:x8})"),
        };
        uint U32(int at) => bigEndian
            ? BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at))
            : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
        var linkType = (int)(U32(20) & 0x0fffffff);
        var frames = new List<PcapFrame>();
        var offset = 24;
        while (offset + 16 <= bytes.Length)
        {
            var seconds = U32(offset);
            var fraction = U32(offset + 4);
            var captured = (int)U32(offset + 8);
            var original = (int)U32(offset + 12);
            offset += 16;
            if (captured < 0 || offset + captured > bytes.Length)
                throw new InvalidDataException($"{path}: frame {frames.Count + 1} runs past the end of the file");
            var micros = seconds * 1_000_000L + (nanos ? fraction / 1000 : fraction);
            frames.Add(new PcapFrame(frames.Count + 1, micros, linkType, bytes.AsSpan(offset, captured).ToArray(), original));
            offset += captured;
        }
        return frames;
    }
}
