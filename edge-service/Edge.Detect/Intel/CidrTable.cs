namespace Edge.Detect.Intel;

/// <summary>One shard of the CIDRs: an exact-match hash table keyed by (family, prefix length,
/// masked network) over chunked entries, and the prefix lengths it holds, longest first.
/// <see cref="CidrSet"/> does the longest-prefix lookup across shards.</summary>
internal sealed class CidrTable
{
    public static readonly CidrTable Empty = new CidrTableBuilder().Build([]);

    private readonly OpenTable _table;
    private readonly CidrEntry[][] _chunks;

    internal CidrTable(OpenTable table, CidrEntry[][] chunks, byte[] v4Lengths, byte[] v6Lengths,
        IntelList[] listTable, int count, int duplicates)
    {
        _table = table;
        _chunks = chunks;
        V4Lengths = v4Lengths;
        V6Lengths = v6Lengths;
        Lists = listTable;
        Count = count;
        Duplicates = duplicates;
    }

    public IntelList[] Lists { get; }

    public byte[] V4Lengths { get; }

    public byte[] V6Lengths { get; }

    public int Count { get; }

    public int Duplicates { get; }

    public long Bytes => _table.Bytes + _chunks.Sum(chunk => (long)chunk.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<CidrEntry>());

    /// <summary>Every network added, duplicates included.</summary>
    public IEnumerable<CidrEntry> Networks()
    {
        var total = Count + Duplicates;
        for (var entry = 0; entry < total; entry++)
            yield return _chunks[entry >> CidrEntry.ChunkBits][entry & CidrEntry.ChunkMask];
    }

    /// <summary>Entries added, duplicates included (entry numbers 0 to Added - 1).</summary>
    public int Added => Count + Duplicates;

    /// <summary>The list index of the network, or -1.</summary>
    public int Find(ulong hash, byte prefix, ulong high, ulong low)
    {
        var entry = FindEntry(hash, prefix, high, low);
        return entry < 0 ? -1 : _chunks[entry >> CidrEntry.ChunkBits][entry & CidrEntry.ChunkMask].List;
    }

    /// <summary>Entry <paramref name="number"/>, unless it was dropped as a duplicate of an earlier one.</summary>
    public bool TryGetIndexed(int number, out CidrEntry entry)
    {
        entry = _chunks[number >> CidrEntry.ChunkBits][number & CidrEntry.ChunkMask];
        return FindEntry(CidrKey.Hash(entry.Prefix, entry.High, entry.Low), entry.Prefix, entry.High, entry.Low) == number;
    }

    private int FindEntry(ulong hash, byte prefix, ulong high, ulong low)
    {
        var cursor = _table.Start(hash);
        int entry;
        while ((entry = _table.Next(hash, ref cursor)) >= 0)
        {
            ref readonly var candidate = ref _chunks[entry >> CidrEntry.ChunkBits][entry & CidrEntry.ChunkMask];
            if (candidate.Prefix == prefix && candidate.Low == low && candidate.High == high)
                return entry;
        }
        return -1;
    }
}
