using System.Buffers.Binary;
using Edge.Cli.Synth.Pcap;
using Edge.Cli.Tests.TestSupport;

namespace Edge.Cli.Tests.Synth.Pcap;

public sealed class ClassicPcapTests
{
    [Fact]
    public void Writer_emits_the_classic_little_endian_microsecond_header()
    {
        using var stream = new MemoryStream();
        var writer = new ClassicPcapWriter(stream);
        writer.Write(1_793_606_400_123_456, [1, 2, 3]);
        var bytes = stream.ToArray();
        Assert.Equal(24 + 16 + 3, bytes.Length);
        Assert.Equal(0xa1b2c3d4, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(4, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6)));
        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(20)));
        Assert.Equal(1_793_606_400u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24)));
        Assert.Equal(123_456u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(28)));
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(32)));
    }

    [Fact]
    public void Reader_returns_what_the_writer_wrote()
    {
        using var stream = new MemoryStream();
        var writer = new ClassicPcapWriter(stream);
        writer.Write(1_000_000, [0xAA]);
        writer.Write(2_500_001, new byte[3000], originalLength: 4000);
        stream.Position = 0;
        var reader = new ClassicPcapReader(stream);
        Assert.Equal(1, reader.LinkType);
        Assert.True(reader.ReadNext());
        Assert.Equal(1_000_000_000, reader.TimestampNanos);
        Assert.Equal([0xAA], reader.Data.ToArray());
        Assert.True(reader.ReadNext());
        Assert.Equal(2_500_001_000, reader.TimestampNanos);
        Assert.Equal(3000, reader.Data.Length);
        Assert.Equal(4000, reader.OriginalLength);
        Assert.False(reader.ReadNext());
    }

    [Fact]
    public void Reader_accepts_big_endian_nanosecond_files()
    {
        var bytes = PcapBytes.BigEndianNanos(linkType: 1, (5, 999_999_999, [1, 2]));
        var reader = new ClassicPcapReader(new MemoryStream(bytes));
        Assert.True(reader.Nanoseconds);
        Assert.True(reader.ReadNext());
        Assert.Equal(5_999_999_999, reader.TimestampNanos);
        Assert.Equal([1, 2], reader.Data.ToArray());
        Assert.False(reader.ReadNext());
    }

    [Fact]
    public void Reader_rejects_truncated_records_and_foreign_magic()
    {
        var bytes = PcapBytes.BigEndianNanos(1, (1, 0, [1, 2, 3, 4]));
        Assert.Throws<InvalidDataException>(() => new ClassicPcapReader(new MemoryStream(bytes[..^1])).ReadNext());
        Assert.Throws<InvalidDataException>(() => new ClassicPcapReader(new MemoryStream(new byte[24])));
    }
}
