namespace Edge.Detect.Intel;

/// <summary>One compiled, immutable set of names: an <see cref="OpenTable"/> whose slots point
/// at name records (<see cref="NameRecord"/>) packed in 1 MiB byte chunks.</summary>
internal sealed class DomainTable
{
    public static readonly DomainTable Empty = new DomainTableBuilder().Build([]);

    private readonly OpenTable _table;
    private readonly byte[][] _chunks;

    internal DomainTable(OpenTable table, byte[][] chunks, IntelList[] listTable, int count, int duplicates)
    {
        _table = table;
        _chunks = chunks;
        Lists = listTable;
        Count = count;
        Duplicates = duplicates;
    }

    public IntelList[] Lists { get; }

    /// <summary>Distinct names held.</summary>
    public int Count { get; }

    public int Duplicates { get; }

    public long Bytes => _table.Bytes + _chunks.Sum(chunk => (long)chunk.Length);

    /// <summary>The list index of <paramref name="name"/> (hash already computed), or -1.</summary>
    public int Find(ulong hash, ReadOnlySpan<byte> name)
    {
        var cursor = _table.Start(hash);
        int entry;
        while ((entry = _table.Next(hash, ref cursor)) >= 0)
        {
            var chunk = _chunks[entry >> NameRecord.ChunkBits];
            var at = entry & NameRecord.ChunkMask;
            if (chunk[at] == name.Length && SuffixHash.EqualsLowered(chunk.AsSpan(at + NameRecord.HeaderSize, name.Length), name))
                return NameRecord.List(chunk, at);
        }
        return -1;
    }
}
