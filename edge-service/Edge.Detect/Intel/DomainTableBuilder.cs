namespace Edge.Detect.Intel;

/// <summary>Collects names (lower-cased into chunked records, see <see cref="NameRecord"/>) and
/// indexes them only in <see cref="Build"/>, when the count is known: no rehashing, no copying,
/// and hashes are recomputed from the records instead of being held. A name added twice keeps
/// its first list (the later record stays in the chunks, unindexed) for every position the first
/// covers; a later record covering a position left open by an earlier one's scope (RPZ
/// <c>name</c>, then <c>*.name</c>) is kept beside it, or merged into it when the builder made
/// a suffix-scoped twin of the pair (same source, category, action and local data).</summary>
internal sealed class DomainTableBuilder
{
    private readonly ChunkList<byte> _records = new(NameRecord.ChunkBits);

    public int Count { get; private set; }

    /// <summary>Adds a validated name without its trailing dot.</summary>
    public void Add(ReadOnlySpan<byte> name, ushort list)
    {
        var record = _records.Append(NameRecord.HeaderSize + name.Length);
        record[0] = (byte)name.Length;
        record[1] = (byte)list;
        record[2] = (byte)(list >> 8);
        for (var i = 0; i < name.Length; i++)
            record[NameRecord.HeaderSize + i] = SuffixHash.AsciiLower(name[i]);
        Count++;
    }

    /// <param name="listTable">The lists by index (empty: every record covers name and subdomains).</param>
    /// <param name="twins">(exact list, subdomains list) → the suffix list standing for both.</param>
    public DomainTable Build(IntelList[] listTable, IReadOnlyDictionary<(ushort Exact, ushort Below), ushort>? twins = null)
    {
        var count = Count;
        var chunks = _records.Detach();
        Count = 0;
        var scopes = ScopeMask.For(listTable);
        var table = OpenTable.Create(count, (long)chunks.Length << NameRecord.ChunkBits);
        var duplicates = 0;
        var merged = 0;
        for (var c = 0; c < chunks.Length; c++)
        {
            var chunk = chunks[c];
            for (var at = 0; at < chunk.Length && chunk[at] != 0; at += NameRecord.HeaderSize + chunk[at])
            {
                var name = chunk.AsSpan(at + NameRecord.HeaderSize, chunk[at]);
                var hash = SuffixHash.Of(name);
                var list = NameRecord.List(chunk, at);
                var mask = ScopeMask.At(scopes, list);
                var (covered, earlier) = Earlier(table, hash, name, chunks, scopes);
                if ((mask & ~covered) == 0)
                {
                    duplicates++;
                    continue;
                }
                if (covered != 0 && twins is not null && TryMerge(chunks, earlier, list, mask, twins))
                {
                    merged++;
                    continue;
                }
                table.Insert(hash, (c << NameRecord.ChunkBits) | at);
            }
        }
        return new DomainTable(table, chunks, listTable, count - duplicates - merged, duplicates);
    }

    /// <summary>The positions the name's records so far cover, and the last of them.</summary>
    private static (byte Covered, int Entry) Earlier(OpenTable table, ulong hash, ReadOnlySpan<byte> name, byte[][] chunks, byte[] scopes)
    {
        var cursor = table.Start(hash);
        int entry;
        byte covered = 0;
        var last = -1;
        while ((entry = table.Next(hash, ref cursor)) >= 0)
        {
            var chunk = chunks[entry >> NameRecord.ChunkBits];
            var at = entry & NameRecord.ChunkMask;
            if (!chunk.AsSpan(at + NameRecord.HeaderSize, chunk[at]).SequenceEqual(name))
                continue;
            covered |= ScopeMask.At(scopes, NameRecord.List(chunk, at));
            last = entry;
        }
        return (covered, last);
    }

    /// <summary>Rewrites the earlier record to the suffix twin when the two records are the
    /// name and its subdomains of one (source, category, action, local data).</summary>
    private static bool TryMerge(byte[][] chunks, int earlier, ushort list, byte mask,
        IReadOnlyDictionary<(ushort Exact, ushort Below), ushort> twins)
    {
        var chunk = chunks[earlier >> NameRecord.ChunkBits];
        var at = earlier & NameRecord.ChunkMask;
        var other = NameRecord.List(chunk, at);
        var key = mask == ScopeMask.Below ? (other, list) : (list, other);
        if (!twins.TryGetValue(key, out var twin))
            return false;
        chunk[at + 1] = (byte)twin;
        chunk[at + 2] = (byte)(twin >> 8);
        return true;
    }
}
