using System.Buffers.Binary;

namespace Edge.Service.Tests.Capture;

/// <summary>Writes a classic little-endian pcap (Ethernet, microseconds) whose frames carry their
/// index in the first byte, at the times a test chooses.</summary>
public static class TestCapture
{
    public const int FrameLength = 60;

    public static string Write(string path, params long[] timestampsMicros)
    {
        using var file = File.Create(path);
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xa1b2c3d4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 1);
        file.Write(header);
        Span<byte> record = stackalloc byte[16 + FrameLength];
        for (var i = 0; i < timestampsMicros.Length; i++)
        {
            record.Clear();
            var micros = timestampsMicros[i];
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(micros / 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(micros % 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[8..], FrameLength);
            BinaryPrimitives.WriteUInt32LittleEndian(record[12..], FrameLength);
            record[16] = (byte)i;
            file.Write(record);
        }
        return path;
    }

    public static long Seconds(double seconds) => (long)(seconds * 1_000_000);
}
