namespace Edge.Resolve.Cache;

/// <summary>Keys of hot entries about to expire, waiting for the network side to ask upstream.
/// A small fixed ring, allocated on the first offer; a full ring refuses the offer.</summary>
internal sealed class PrefetchQueue
{
    public const int Capacity = 64;

    private readonly Lock _lock = new();
    private byte[]? _keys;
    private readonly int[] _lengths = new int[Capacity];
    private int _head;
    private int _count;

    public bool TryAdd(ReadOnlySpan<byte> key)
    {
        lock (_lock)
        {
            if (_count == Capacity)
                return false;
            _keys ??= new byte[Capacity * CacheKey.MaxLength];
            var slot = (_head + _count) % Capacity;
            key.CopyTo(_keys.AsSpan(slot * CacheKey.MaxLength));
            _lengths[slot] = key.Length;
            _count++;
            return true;
        }
    }

    public bool TryTake(Span<byte> key, out int length)
    {
        lock (_lock)
        {
            length = 0;
            if (_count == 0 || _keys is null)
                return false;
            length = _lengths[_head];
            _keys.AsSpan(_head * CacheKey.MaxLength, length).CopyTo(key);
            _head = (_head + 1) % Capacity;
            _count--;
            return true;
        }
    }
}
