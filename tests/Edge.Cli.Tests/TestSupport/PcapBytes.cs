using System.Buffers.Binary;

namespace Edge.Cli.Tests.TestSupport;

/// <summary>Hand-made pcap files in the byte order the writer never produces.</summary>
public static class PcapBytes
{
    public static byte[] BigEndianNanos(int linkType, params (uint Seconds, uint Nanos, byte[] Data)[] records)
    {
        using var stream = new MemoryStream();
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32BigEndian(header, 0xa1b23c4d);
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16BigEndian(header[6..], 4);
        BinaryPrimitives.WriteInt32BigEndian(header[16..], 65535);
        BinaryPrimitives.WriteInt32BigEndian(header[20..], linkType);
        stream.Write(header);
        Span<byte> record = stackalloc byte[16];
        foreach (var (seconds, nanos, data) in records)
        {
            BinaryPrimitives.WriteUInt32BigEndian(record, seconds);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], nanos);
            BinaryPrimitives.WriteInt32BigEndian(record[8..], data.Length);
            BinaryPrimitives.WriteInt32BigEndian(record[12..], data.Length);
            stream.Write(record);
            stream.Write(data);
        }
        return stream.ToArray();
    }
}
