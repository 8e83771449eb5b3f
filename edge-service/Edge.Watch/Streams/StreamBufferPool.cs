namespace Edge.Watch.Streams;

/// <summary>Fixed set of reassembly buffers carved from one array at start-up. A flow direction rents one
/// only while a message straddles segments, so a few hundred serve a busy LAN; none are allocated later.</summary>
public sealed class StreamBufferPool
{
    private readonly byte[] _memory;
    private readonly int[] _lengths;
    private readonly short[] _free;
    private int _freeCount;

    public StreamBufferPool(int count, int bufferSize)
    {
        if (count is < 1 or > short.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(count), count, "buffer count must be 1..32767");
        if (bufferSize < 1024)
            throw new ArgumentOutOfRangeException(nameof(bufferSize), bufferSize, "buffers must hold at least 1024 bytes");
        BufferSize = bufferSize;
        _memory = new byte[checked(count * bufferSize)];
        _lengths = new int[count];
        _free = new short[count];
        for (var i = 0; i < count; i++)
            _free[i] = (short)(count - 1 - i);
        _freeCount = count;
    }

    public int BufferSize { get; }

    public int InUse => _free.Length - _freeCount;

    /// <summary>-1 when every buffer is in use.</summary>
    public short Rent()
    {
        if (_freeCount == 0)
            return -1;
        var index = _free[--_freeCount];
        _lengths[index] = 0;
        return index;
    }

    public void Return(short index)
    {
        _lengths[index] = 0;
        _free[_freeCount++] = index;
    }

    public ReadOnlySpan<byte> Data(short index) => _memory.AsSpan(index * BufferSize, _lengths[index]);

    /// <summary>False (and nothing appended) when the bytes would not fit.</summary>
    public bool TryAppend(short index, ReadOnlySpan<byte> bytes)
    {
        var length = _lengths[index];
        if (bytes.Length > BufferSize - length)
            return false;
        bytes.CopyTo(_memory.AsSpan((index * BufferSize) + length));
        _lengths[index] = length + bytes.Length;
        return true;
    }

    /// <summary>Drops the first <paramref name="count"/> bytes, keeping the rest at the start.</summary>
    public void Consume(short index, int count)
    {
        var length = _lengths[index];
        var start = index * BufferSize;
        _memory.AsSpan(start + count, length - count).CopyTo(_memory.AsSpan(start));
        _lengths[index] = length - count;
    }
}
