namespace Edge.Detect.Intel;

/// <summary>One compiled, immutable set of names: an <see cref="OpenTable"/> whose slots point
/// at name records (<see cref="NameRecord"/>) packed in 1 MiB byte chunks. A name has at most two
/// records, when their lists' scopes split it (RPZ <c>name</c> and <c>*.name</c> with different
/// actions); <see cref="Find(ulong, ReadOnlySpan{byte}, byte)"/> returns the first that covers the position.</summary>
internal sealed class DomainTable
{
    public static readonly DomainTable Empty = new DomainTableBuilder().Build([]);

    private readonly OpenTable _table;
    private readonly byte[][] _chunks;
    private readonly byte[] _scopes;

    internal DomainTable(OpenTable table, byte[][] chunks, IntelList[] listTable, int count, int duplicates)
    {
        _table = table;
        _chunks = chunks;
        _scopes = ScopeMask.For(listTable);
        Lists = listTable;
        Count = count;
        Duplicates = duplicates;
    }

    public IntelList[] Lists { get; }

    /// <summary>Names held (a name split by scope counts twice).</summary>
    public int Count { get; }

    public int Duplicates { get; }

    public long Bytes => _table.Bytes + _chunks.Sum(chunk => (long)chunk.Length);

    /// <summary>The list index of <paramref name="name"/> (hash already computed), or -1.</summary>
    public int Find(ulong hash, ReadOnlySpan<byte> name) => Find(hash, name, ScopeMask.Both);

    /// <summary>The list index of the first record of <paramref name="name"/> whose list covers
    /// <paramref name="position"/> (<see cref="ScopeMask.Name"/> when the name is the whole
    /// looked-up name, <see cref="ScopeMask.Below"/> when it is a proper suffix), or -1.</summary>
    public int Find(ulong hash, ReadOnlySpan<byte> name, byte position)
    {
        var cursor = _table.Start(hash);
        int entry;
        while ((entry = _table.Next(hash, ref cursor)) >= 0)
        {
            var chunk = _chunks[entry >> NameRecord.ChunkBits];
            var at = entry & NameRecord.ChunkMask;
            if (chunk[at] != name.Length || !SuffixHash.EqualsLowered(chunk.AsSpan(at + NameRecord.HeaderSize, name.Length), name))
                continue;
            var list = NameRecord.List(chunk, at);
            if ((ScopeMask.At(_scopes, list) & position) != 0)
                return list;
        }
        return -1;
    }
}
