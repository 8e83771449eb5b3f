using System.Buffers.Binary;

namespace Edge.Cli.Synth.Wire;

/// <summary>Growable big-endian (network order) byte writer for building packets.</summary>
internal sealed class PacketWriter
{
    private byte[] _buffer;

    public PacketWriter(int capacity = 256) => _buffer = new byte[capacity];

    public int Length { get; private set; }

    public Span<byte> Written => _buffer.AsSpan(0, Length);

    public PacketWriter U8(int value)
    {
        Grow(1)[0] = (byte)value;
        return this;
    }

    public PacketWriter U16(int value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(Grow(2), (ushort)value);
        return this;
    }

    public PacketWriter U24(int value)
    {
        var span = Grow(3);
        span[0] = (byte)(value >> 16);
        span[1] = (byte)(value >> 8);
        span[2] = (byte)value;
        return this;
    }

    public PacketWriter U32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(Grow(4), value);
        return this;
    }

    public PacketWriter Bytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(Grow(value.Length));
        return this;
    }

    /// <summary>Reserves a big-endian length field of <paramref name="width"/> bytes, filled in by <see cref="EndLength"/>.</summary>
    public int BeginLength(int width)
    {
        var at = Length;
        Grow(width).Clear();
        return at | (width << 24);
    }

    public void EndLength(int mark)
    {
        var at = mark & 0xFFFFFF;
        var width = mark >>> 24;
        var value = Length - at - width;
        for (var i = width - 1; i >= 0; i--, value >>= 8)
            _buffer[at + i] = (byte)value;
    }

    public void PatchU16(int at, int value) => BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(at), (ushort)value);

    public byte[] ToArray() => Written.ToArray();

    private Span<byte> Grow(int count)
    {
        if (Length + count > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
