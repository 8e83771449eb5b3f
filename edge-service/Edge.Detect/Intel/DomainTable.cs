namespace Edge.Detect.Intel;

/// <summary>One compiled, immutable set of names: an <see cref="OpenTable"/> over entry indices,
/// the lower-case names packed end to end in one byte blob, and a small list index per entry.</summary>
internal sealed class DomainTable
{
    public static readonly DomainTable Empty = new DomainTableBuilder().Build([]);

    private readonly OpenTable _table;
    private readonly byte[] _names;
    private readonly int[] _ends;
    private readonly ushort[] _lists;

    internal DomainTable(OpenTable table, byte[] names, int[] ends, ushort[] lists, IntelList[] listTable, int count, int duplicates)
    {
        _table = table;
        _names = names;
        _ends = ends;
        _lists = lists;
        Lists = listTable;
        Count = count;
        Duplicates = duplicates;
    }

    public IntelList[] Lists { get; }

    /// <summary>Distinct names held.</summary>
    public int Count { get; }

    public int Duplicates { get; }

    public long Bytes => _table.Bytes + _names.Length + (long)_ends.Length * sizeof(int) + (long)_lists.Length * sizeof(ushort);

    /// <summary>The list index of <paramref name="name"/> (hash already computed), or -1.</summary>
    public int Find(ulong hash, ReadOnlySpan<byte> name)
    {
        var cursor = _table.Start(hash);
        int entry;
        while ((entry = _table.Next(hash, ref cursor)) >= 0)
        {
            var start = entry == 0 ? 0 : _ends[entry - 1];
            if (SuffixHash.EqualsLowered(_names.AsSpan(start, _ends[entry] - start), name))
                return _lists[entry];
        }
        return -1;
    }
}
