using System.Buffers.Binary;

namespace Edge.Detect.Evidence;

/// <summary>Classic pcap (draft-ietf-opsawg-pcap §4, §5): little-endian, microsecond timestamps.</summary>
public static class PcapFormat
{
    public const int FileHeaderLength = 24;
    public const int RecordHeaderLength = 16;
    private const uint MicrosecondMagic = 0xA1B2C3D4;

    public static void WriteFileHeader(Span<byte> destination, ushort linkType, int snapLength)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, MicrosecondMagic);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], 4);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], 0); // reserved (thiszone, sigfigs)
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], (uint)snapLength);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[20..], linkType);
    }

    public static void WriteRecordHeader(Span<byte> destination, long timestampMicros, int capturedLength, int originalLength)
    {
        var micros = Math.Max(0, timestampMicros);
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)(micros / 1_000_000));
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], (uint)(micros % 1_000_000));
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], (uint)capturedLength);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], (uint)Math.Max(originalLength, capturedLength));
    }
}
