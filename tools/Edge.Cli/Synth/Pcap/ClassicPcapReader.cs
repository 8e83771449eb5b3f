using System.Buffers.Binary;

namespace Edge.Cli.Synth.Pcap;

/// <summary>
/// Streams records out of a classic libpcap file (either byte order, micro- or nanosecond magic),
/// one at a time into a reused buffer, so memory does not depend on the file's size.
/// </summary>
internal sealed class ClassicPcapReader
{
    private const int MaxRecordLength = 1 << 24;

    private readonly Stream _input;
    private readonly bool _bigEndian;
    private readonly bool _nanoseconds;
    private readonly byte[] _header = new byte[16];
    private byte[] _data = new byte[2048];
    private int _length;

    public ClassicPcapReader(Stream input)
    {
        _input = input;
        Span<byte> header = stackalloc byte[24];
        if (ReadFully(header) != header.Length)
            throw new InvalidDataException("shorter than a pcap global header");
        (_bigEndian, _nanoseconds) = BinaryPrimitives.ReadUInt32LittleEndian(header) switch
        {
            0xa1b2c3d4 => (false, false),
            0xa1b23c4d => (false, true),
            0xd4c3b2a1 => (true, false),
            0x4d3cb2a1 => (true, true),
            var magic => throw new InvalidDataException($"not a classic pcap file (magic 0x{magic:x8})"),
        };
        SnapLength = (int)U32(header[16..]);
        LinkType = (int)(U32(header[20..]) & 0x0FFF_FFFF);
    }

    public int LinkType { get; }

    public int SnapLength { get; }

    public bool Nanoseconds => _nanoseconds;

    public long TimestampNanos { get; private set; }

    public int OriginalLength { get; private set; }

    public ReadOnlySpan<byte> Data => _data.AsSpan(0, _length);

    /// <summary>Goes back to the first record (the stream must be seekable).</summary>
    public void Rewind() => _input.Position = 24;

    /// <summary>Moves to the next record; false at a clean end of file.</summary>
    public bool ReadNext()
    {
        var got = ReadFully(_header);
        if (got == 0)
            return false;
        if (got != _header.Length)
            throw new InvalidDataException("truncated pcap record header");
        var seconds = U32(_header);
        var fraction = U32(_header.AsSpan(4));
        var captured = U32(_header.AsSpan(8));
        OriginalLength = (int)Math.Min(U32(_header.AsSpan(12)), int.MaxValue);
        if (captured > MaxRecordLength)
            throw new InvalidDataException($"pcap record of {captured} bytes is implausible");
        _length = (int)captured;
        if (_data.Length < _length)
            _data = new byte[Math.Max(_length, _data.Length * 2)];
        if (ReadFully(_data.AsSpan(0, _length)) != _length)
            throw new InvalidDataException("truncated pcap record");
        TimestampNanos = seconds * 1_000_000_000L + (_nanoseconds ? fraction : fraction * 1_000L);
        return true;
    }

    private uint U32(ReadOnlySpan<byte> bytes) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    private int ReadFully(Span<byte> buffer) => _input.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
}
