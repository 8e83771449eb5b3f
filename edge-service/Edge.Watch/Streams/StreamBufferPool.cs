namespace Edge.Watch.Streams;

/// <summary>Fixed set of reassembly buffers carved from one array at start-up. A flow direction rents one
/// only while a message straddles segments (or a segment waits for a hole to fill). When all are
/// taken, the buffer rented longest ago is reclaimed for the newcomer; its generation changes, so its
/// old holder can tell. Consuming only moves a read offset: bytes are compacted to the front only
/// when an append needs the room. Nothing is allocated after start-up.</summary>
public sealed class StreamBufferPool
{
    private readonly byte[] _memory;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly long[] _rentedAt;
    private readonly uint[] _generations;
    private readonly bool[] _inUse;
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
        _starts = new int[count];
        _lengths = new int[count];
        _rentedAt = new long[count];
        _generations = new uint[count];
        _inUse = new bool[count];
        _free = new short[count];
        for (var i = 0; i < count; i++)
            _free[i] = (short)(count - 1 - i);
        _freeCount = count;
    }

    public int BufferSize { get; }

    public int InUse => _free.Length - _freeCount;

    /// <summary>True when a buffer can be rented without reclaiming one.</summary>
    public bool HasFree => _freeCount > 0;

    /// <summary>Buffers taken from a holder to serve a newcomer.</summary>
    public long Reclaimed { get; private set; }

    public short Rent(long nowMicros, out uint generation)
    {
        short index;
        if (_freeCount > 0)
        {
            index = _free[--_freeCount];
        }
        else
        {
            index = Oldest();
            Reclaimed++;
        }
        _inUse[index] = true;
        _starts[index] = 0;
        _lengths[index] = 0;
        _rentedAt[index] = nowMicros;
        generation = ++_generations[index];
        return index;
    }

    /// <summary>True while the holder that rented <paramref name="index"/> at <paramref name="generation"/> still has it.</summary>
    public bool Holds(short index, uint generation) => _inUse[index] && _generations[index] == generation;

    public void Return(short index, uint generation)
    {
        if (!Holds(index, generation))
            return;
        _inUse[index] = false;
        _generations[index]++;
        _lengths[index] = 0;
        _free[_freeCount++] = index;
    }

    public ReadOnlySpan<byte> Data(short index) => _memory.AsSpan((index * BufferSize) + _starts[index], _lengths[index]);

    public int Space(short index) => BufferSize - _lengths[index];

    /// <summary>False (and nothing appended) when the bytes would not fit.</summary>
    public bool TryAppend(short index, ReadOnlySpan<byte> bytes)
    {
        var length = _lengths[index];
        if (bytes.Length > BufferSize - length)
            return false;
        var origin = index * BufferSize;
        if (_starts[index] + length + bytes.Length > BufferSize)
        {
            _memory.AsSpan(origin + _starts[index], length).CopyTo(_memory.AsSpan(origin));
            _starts[index] = 0;
        }
        bytes.CopyTo(_memory.AsSpan(origin + _starts[index] + length));
        _lengths[index] = length + bytes.Length;
        return true;
    }

    /// <summary>Drops the first <paramref name="count"/> bytes.</summary>
    public void Consume(short index, int count)
    {
        _starts[index] += count;
        _lengths[index] -= count;
        if (_lengths[index] == 0)
            _starts[index] = 0;
    }

    // Only when every buffer is taken: a scan of a few hundred entries, never on the common path.
    private short Oldest()
    {
        short oldest = 0;
        for (short i = 1; i < _rentedAt.Length; i++)
        {
            if (_rentedAt[i] < _rentedAt[oldest])
                oldest = i;
        }
        return oldest;
    }
}
