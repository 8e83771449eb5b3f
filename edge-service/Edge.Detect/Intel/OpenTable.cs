using System.Numerics;

namespace Edge.Detect.Intel;

/// <summary>Open addressing over one flat ulong array. A slot holds the high bits of a 64-bit hash
/// with the entry index + 1 in the low bits (0 = empty), so a probe touches one array and the
/// caller verifies the entry only when the hash bits agree.</summary>
internal readonly struct OpenTable
{
    private readonly ulong[] _slots;
    private readonly int _shift;
    private readonly ulong _indexMask;

    private OpenTable(ulong[] slots, int shift, ulong indexMask)
    {
        _slots = slots;
        _shift = shift;
        _indexMask = indexMask;
    }

    public long Bytes => (long)_slots.Length * sizeof(ulong);

    /// <summary>A table for up to <paramref name="count"/> entries at a load of at most 3/4,
    /// whose entry numbers are below <paramref name="entryLimit"/> (default: the count).</summary>
    public static OpenTable Create(int count, long entryLimit = -1)
    {
        var capacity = (int)Math.Max(4, BitOperations.RoundUpToPowerOf2((uint)(count + count / 3 + 1)));
        var indexBits = 64 - BitOperations.LeadingZeroCount((ulong)Math.Max(count, entryLimit) + 1);
        return new OpenTable(new ulong[capacity], 64 - BitOperations.Log2((uint)capacity), (1UL << indexBits) - 1);
    }

    public bool IsEmpty => _slots is null;

    /// <summary>Entry index of the first candidate at or after <paramref name="cursor"/>, or -1.
    /// Start with cursor = Start(hash); call again with the returned cursor to go on.</summary>
    public int Start(ulong hash) => (int)((hash * 0x9E3779B97F4A7C15UL) >> _shift);

    public int Next(ulong hash, ref int cursor)
    {
        var slots = _slots;
        var tag = hash & ~_indexMask;
        var mask = slots.Length - 1;
        while (true)
        {
            var slot = slots[cursor];
            if (slot == 0)
                return -1;
            cursor = (cursor + 1) & mask;
            if ((slot & ~_indexMask) == tag)
                return (int)(slot & _indexMask) - 1;
        }
    }

    public void Insert(ulong hash, int entry)
    {
        var mask = _slots.Length - 1;
        var cursor = Start(hash);
        while (_slots[cursor] != 0)
            cursor = (cursor + 1) & mask;
        _slots[cursor] = (hash & ~_indexMask) | (uint)(entry + 1);
    }
}
