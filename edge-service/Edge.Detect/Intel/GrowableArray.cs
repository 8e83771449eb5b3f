namespace Edge.Detect.Intel;

/// <summary>An append-only array that grows by half, so a build's slack stays below a third of
/// its data; <see cref="Detach"/> hands the array over without copying when the slack is small.</summary>
internal sealed class GrowableArray<T>(int capacity = 16)
{
    private T[] _items = new T[Math.Max(capacity, 16)];

    public int Count { get; private set; }

    public Span<T> Written => _items.AsSpan(0, Count);

    public void Add(T item)
    {
        if (Count == _items.Length)
            Grow(1);
        _items[Count++] = item;
    }

    public void AddRange(ReadOnlySpan<T> items)
    {
        if (Count + items.Length > _items.Length)
            Grow(items.Length);
        items.CopyTo(_items.AsSpan(Count));
        Count += items.Length;
    }

    public T this[int index] => _items[index];

    /// <summary>The array (possibly longer than <see cref="Count"/>); copied only when more than
    /// an eighth of it would be waste.</summary>
    public T[] Detach()
    {
        var items = _items;
        _items = [];
        if (items.Length - Count > items.Length / 8)
            Array.Resize(ref items, Count);
        Count = 0;
        return items;
    }

    private void Grow(int needed)
    {
        var size = Math.Max(Count + needed, (int)Math.Min(Array.MaxLength, _items.Length + (long)_items.Length / 2));
        Array.Resize(ref _items, size);
    }
}
