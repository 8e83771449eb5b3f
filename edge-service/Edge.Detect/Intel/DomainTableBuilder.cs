namespace Edge.Detect.Intel;

/// <summary>Collects names (lower-cased into chunked records, see <see cref="NameRecord"/>) and
/// indexes them only in <see cref="Build"/>, when the count is known: no rehashing, no copying,
/// and hashes are recomputed from the records instead of being held. A name added twice keeps
/// its first list (the later record stays in the chunks, unindexed).</summary>
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

    public DomainTable Build(IntelList[] listTable)
    {
        var count = Count;
        var chunks = _records.Detach();
        Count = 0;
        var table = OpenTable.Create(count, (long)chunks.Length << NameRecord.ChunkBits);
        var duplicates = 0;
        for (var c = 0; c < chunks.Length; c++)
        {
            var chunk = chunks[c];
            for (var at = 0; at < chunk.Length && chunk[at] != 0; at += NameRecord.HeaderSize + chunk[at])
            {
                var name = chunk.AsSpan(at + NameRecord.HeaderSize, chunk[at]);
                var hash = SuffixHash.Of(name);
                if (Contains(table, hash, name, chunks))
                {
                    duplicates++;
                    continue;
                }
                table.Insert(hash, (c << NameRecord.ChunkBits) | at);
            }
        }
        return new DomainTable(table, chunks, listTable, count - duplicates, duplicates);
    }

    private static bool Contains(OpenTable table, ulong hash, ReadOnlySpan<byte> name, byte[][] chunks)
    {
        var cursor = table.Start(hash);
        int entry;
        while ((entry = table.Next(hash, ref cursor)) >= 0)
        {
            var chunk = chunks[entry >> NameRecord.ChunkBits];
            var at = entry & NameRecord.ChunkMask;
            if (chunk.AsSpan(at + NameRecord.HeaderSize, chunk[at]).SequenceEqual(name))
                return true;
        }
        return false;
    }
}
