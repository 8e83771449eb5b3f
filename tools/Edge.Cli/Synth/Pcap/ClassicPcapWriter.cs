using System.Buffers.Binary;

namespace Edge.Cli.Synth.Pcap;

/// <summary>
/// Writes classic libpcap files: 24-byte global header, then a 16-byte record header per frame,
/// little-endian, microsecond timestamps (magic 0xa1b2c3d4).
/// </summary>
internal sealed class ClassicPcapWriter
{
    public const int LinkTypeEthernet = 1;
    public const int DefaultSnapLength = 262_144;

    private readonly Stream _output;

    public ClassicPcapWriter(Stream output, int linkType = LinkTypeEthernet, int snapLength = DefaultSnapLength)
    {
        _output = output;
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xa1b2c3d4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], snapLength);
        BinaryPrimitives.WriteInt32LittleEndian(header[20..], linkType);
        _output.Write(header);
    }

    public long FramesWritten { get; private set; }

    public void Write(long timestampMicros, ReadOnlySpan<byte> frame, int originalLength = -1)
    {
        if (timestampMicros < 0)
            throw new ArgumentOutOfRangeException(nameof(timestampMicros), "pcap timestamps start at 1970");
        Span<byte> header = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(header, checked((uint)(timestampMicros / 1_000_000)));
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(timestampMicros % 1_000_000));
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], frame.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], originalLength < 0 ? frame.Length : originalLength);
        _output.Write(header);
        _output.Write(frame);
        FramesWritten++;
    }
}
