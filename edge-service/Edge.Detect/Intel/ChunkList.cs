namespace Edge.Detect.Intel;

/// <summary>An append-only list kept in fixed-size chunks that become the compiled table's own
/// storage: growing never copies a full chunk, so a build leaves no outgrown arrays behind and
/// needs no estimate of its size. Element <c>i</c> is <c>chunks[i &gt;&gt; bits][i &amp; mask]</c>.</summary>
internal sealed class ChunkList<T>(int chunkBits)
    where T : struct
{
    private readonly List<T[]> _chunks = [];
    private readonly int _chunkSize = 1 << chunkBits;
    private T[] _current = [];
    private int _used;

    public void Add(in T item) => Append(1)[0] = item;

    /// <summary>Room for <paramref name="length"/> consecutive elements (at most a chunk) within
    /// one chunk; when the current chunk lacks room its tail stays default and a new chunk begins
    /// (with single elements every chunk but the last is full).</summary>
    public Span<T> Append(int length)
    {
        if (_used + length > _current.Length)
            Grow(length);
        var room = _current.AsSpan(_used, length);
        _used += length;
        return room;
    }

    /// <summary>The chunks, the last trimmed to its elements; the list is empty afterwards.</summary>
    public T[][] Detach()
    {
        if (_chunks.Count > 0 && _used < _current.Length)
            _chunks[^1] = _current[.._used];
        var chunks = _chunks.ToArray();
        _chunks.Clear();
        _current = [];
        _used = 0;
        return chunks;
    }

    private void Grow(int length)
    {
        // The first chunk starts small and grows in place, so tiny tables (tests, one-name
        // lists) stay tiny; from the second chunk on every chunk is full size.
        if (_chunks.Count == 1 && _used + length <= _chunkSize)
        {
            Array.Resize(ref _current, Math.Min(_chunkSize, Math.Max(_current.Length * 4, _used + length)));
            _chunks[0] = _current;
            return;
        }
        _current = new T[_chunks.Count == 0 ? Math.Min(_chunkSize, Math.Max(256, length)) : _chunkSize];
        _chunks.Add(_current);
        _used = 0;
    }
}
