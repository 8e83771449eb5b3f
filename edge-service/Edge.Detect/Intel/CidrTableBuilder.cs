namespace Edge.Detect.Intel;

/// <summary>Collects networks into chunks (which become the table's storage) and indexes them in
/// <see cref="Build"/>; a network added twice keeps its first list.</summary>
internal sealed class CidrTableBuilder
{
    private readonly ChunkList<CidrEntry> _entries = new(CidrEntry.ChunkBits);

    public int Count { get; private set; }

    /// <summary>Adds a network already masked (see <see cref="CidrKey.Mask"/>).</summary>
    public void Add(ulong high, ulong low, byte prefix, ushort list)
    {
        _entries.Add(new CidrEntry(high, low, prefix, list));
        Count++;
    }

    public CidrTable Build(IntelList[] listTable)
    {
        var count = Count;
        var chunks = _entries.Detach();
        Count = 0;
        var table = OpenTable.Create(count);
        Span<bool> present = stackalloc bool[256];
        var duplicates = 0;
        for (var entry = 0; entry < count; entry++)
        {
            ref readonly var added = ref chunks[entry >> CidrEntry.ChunkBits][entry & CidrEntry.ChunkMask];
            var hash = CidrKey.Hash(added.Prefix, added.High, added.Low);
            if (Contains(table, hash, added, chunks))
            {
                duplicates++;
                continue;
            }
            table.Insert(hash, entry);
            present[added.Prefix] = true;
        }
        return new CidrTable(table, chunks, Lengths(present, 0, 32), Lengths(present, 64, 128),
            listTable, count - duplicates, duplicates);
    }

    private static bool Contains(OpenTable table, ulong hash, in CidrEntry added, CidrEntry[][] chunks)
    {
        var cursor = table.Start(hash);
        int entry;
        while ((entry = table.Next(hash, ref cursor)) >= 0)
        {
            if (chunks[entry >> CidrEntry.ChunkBits][entry & CidrEntry.ChunkMask].SameNetwork(added))
                return true;
        }
        return false;
    }

    /// <summary>The prefix lengths present for one family, longest first.</summary>
    private static byte[] Lengths(ReadOnlySpan<bool> present, int offset, int max)
    {
        var lengths = new List<byte>();
        for (var length = max; length >= 0; length--)
        {
            if (present[offset + length])
                lengths.Add((byte)length);
        }
        return [.. lengths];
    }
}
