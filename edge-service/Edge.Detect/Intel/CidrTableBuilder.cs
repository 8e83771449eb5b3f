using Edge.Watch.Net;

namespace Edge.Detect.Intel;

/// <summary>Collects networks and indexes them in <see cref="Build"/>; a network added twice keeps
/// its first list.</summary>
internal sealed class CidrTableBuilder
{
    private readonly GrowableArray<ulong> _high = new(1 << 8);
    private readonly GrowableArray<ulong> _low = new(1 << 8);
    private readonly GrowableArray<byte> _prefix = new(1 << 8);
    private readonly GrowableArray<ushort> _lists = new(1 << 8);

    public int Count => _low.Count;

    /// <summary>Adds a network; host bits must already be clear (see <see cref="CidrKey.Mask"/>).</summary>
    public void Add(IpAddr network, int length, ushort list)
    {
        var (high, low) = CidrKey.Mask(network, length);
        _high.Add(high);
        _low.Add(low);
        _prefix.Add(CidrKey.PrefixByte(network.Family, length));
        _lists.Add(list);
    }

    public CidrTable Build(IntelList[] listTable)
    {
        var count = _low.Count;
        var high = _high.Detach();
        var low = _low.Detach();
        var prefix = _prefix.Detach();
        var lists = _lists.Detach();
        var table = OpenTable.Create(count);
        Span<bool> present = stackalloc bool[256];
        var duplicates = 0;
        var kept = 0;
        for (var entry = 0; entry < count; entry++)
        {
            var (family, length) = prefix[entry] < 64 ? ((byte)4, prefix[entry]) : ((byte)6, prefix[entry] - 64);
            var hash = CidrKey.Hash(family, length, high[entry], low[entry]);
            if (Contains(table, hash, entry, high, low, prefix))
            {
                duplicates++;
                continue;
            }
            table.Insert(hash, entry);
            present[prefix[entry]] = true;
            kept++;
        }
        return new CidrTable(table, high, low, prefix, lists, Lengths(present, 0, 32), Lengths(present, 64, 128),
            listTable, kept, duplicates);
    }

    private static bool Contains(OpenTable table, ulong hash, int added, ulong[] high, ulong[] low, byte[] prefix)
    {
        var cursor = table.Start(hash);
        int entry;
        while ((entry = table.Next(hash, ref cursor)) >= 0)
        {
            if (prefix[entry] == prefix[added] && low[entry] == low[added] && high[entry] == high[added])
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
