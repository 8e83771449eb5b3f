namespace Edge.Detect.Intel;

/// <summary>Collects names (lower-cased into one growing blob) and indexes them only in
/// <see cref="Build"/>, when the count is known: no rehashing, and hashes are recomputed from the
/// blob instead of being held. A name added twice keeps its first list.</summary>
internal sealed class DomainTableBuilder
{
    private readonly GrowableArray<byte> _names = new(1 << 12);
    private readonly GrowableArray<int> _ends = new(1 << 8);
    private readonly GrowableArray<ushort> _lists = new(1 << 8);

    public int Count => _ends.Count;

    /// <summary>Adds a validated name without its trailing dot.</summary>
    public void Add(ReadOnlySpan<byte> name, ushort list)
    {
        var start = _names.Count;
        _names.AddRange(name);
        var written = _names.Written[start..];
        for (var i = 0; i < written.Length; i++)
            written[i] = SuffixHash.AsciiLower(written[i]);
        _ends.Add(_names.Count);
        _lists.Add(list);
    }

    public DomainTable Build(IntelList[] listTable)
    {
        var count = _ends.Count;
        var names = _names.Detach();
        var ends = _ends.Detach();
        var lists = _lists.Detach();
        var table = OpenTable.Create(count);
        var duplicates = 0;
        var start = 0;
        var kept = 0;
        for (var entry = 0; entry < count; entry++)
        {
            var name = names.AsSpan(start, ends[entry] - start);
            start = ends[entry];
            var hash = SuffixHash.Of(name);
            if (Contains(table, hash, name, names, ends))
            {
                duplicates++;
                continue;
            }
            table.Insert(hash, entry);
            kept++;
        }
        return new DomainTable(table, names, ends, lists, listTable, kept, duplicates);
    }

    private static bool Contains(OpenTable table, ulong hash, ReadOnlySpan<byte> name, byte[] names, int[] ends)
    {
        var cursor = table.Start(hash);
        int entry;
        while ((entry = table.Next(hash, ref cursor)) >= 0)
        {
            var start = entry == 0 ? 0 : ends[entry - 1];
            if (names.AsSpan(start, ends[entry] - start).SequenceEqual(name))
                return true;
        }
        return false;
    }
}
