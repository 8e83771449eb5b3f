using System.Numerics;

namespace Edge.Detect.Intel;

/// <summary>Open addressing over one flat uint array. A slot holds the entry index + 1 in its low
/// bits (0 = empty) and, above them, as many high bits of the entry's 64-bit hash as are left, so a
/// probe touches one array and the caller verifies the entry only when those bits agree. Four bytes a
/// slot rather than eight: at 3,000,000 names the table is 16 MiB instead of 32; an entry number
/// that leaves few tag bits (a shard of over 16 MiB of names) only means more verifications.</summary>
internal readonly struct OpenTable
{
    private readonly uint[] _slots;
    private readonly int _shift;
    private readonly uint _indexMask;

    private OpenTable(uint[] slots, int shift, uint indexMask)
    {
        _slots = slots;
        _shift = shift;
        _indexMask = indexMask;
    }

    public long Bytes => (long)_slots.Length * sizeof(uint);

    /// <summary>A table for up to <paramref name="count"/> entries at a load of at most 3/4,
    /// whose entry numbers are below <paramref name="entryLimit"/> (default: the count).</summary>
    public static OpenTable Create(int count, long entryLimit = -1)
    {
        var capacity = (int)Math.Max(4, BitOperations.RoundUpToPowerOf2((uint)(count + count / 3 + 1)));
        var indexBits = 64 - BitOperations.LeadingZeroCount((ulong)Math.Max(count, entryLimit) + 1);
        if (indexBits > 32)
            throw new ArgumentOutOfRangeException(nameof(entryLimit), "more entries than a 32-bit slot can number");
        var indexMask = indexBits == 32 ? uint.MaxValue : (1u << indexBits) - 1;
        return new OpenTable(new uint[capacity], 64 - BitOperations.Log2((uint)capacity), indexMask);
    }

    public bool IsEmpty => _slots is null;

    /// <summary>Entry index of the first candidate at or after <paramref name="cursor"/>, or -1.
    /// Start with cursor = Start(hash); call again with the returned cursor to go on.</summary>
    public int Start(ulong hash) => (int)((hash * 0x9E3779B97F4A7C15UL) >> _shift);

    public int Next(ulong hash, ref int cursor)
    {
        var slots = _slots;
        var tag = Tag(hash);
        var mask = slots.Length - 1;
        while (true)
        {
            var slot = slots[cursor];
            if (slot == 0)
                return -1;
            cursor = (cursor + 1) & mask;
            if ((slot & ~_indexMask) == tag)
                return (int)((slot & _indexMask) - 1);
        }
    }

    public void Insert(ulong hash, int entry)
    {
        var mask = _slots.Length - 1;
        var cursor = Start(hash);
        while (_slots[cursor] != 0)
            cursor = (cursor + 1) & mask;
        _slots[cursor] = Tag(hash) | (uint)(entry + 1);
    }

    /// <summary>Hash bits 24–55 above the entry number: not the top bits, which pick the shard and are
    /// the same for every entry of a table.</summary>
    private uint Tag(ulong hash) => (uint)(hash >> 24) & ~_indexMask;
}
