using Edge.Watch.Net;

namespace Edge.Detect.Intel;

/// <summary>Longest-prefix match as one exact-match hash table keyed by (family, prefix length,
/// masked network), probed once per prefix length present in the lists, longest first. Real
/// feeds use a handful of lengths (/32, /24, /128, /64 ...), so a lookup is a few probes.</summary>
internal sealed class CidrTable
{
    public static readonly CidrTable Empty = new CidrTableBuilder().Build([]);

    private readonly OpenTable _table;
    private readonly ulong[] _high;
    private readonly ulong[] _low;
    private readonly byte[] _prefix;
    private readonly ushort[] _lists;
    private readonly byte[] _v4Lengths;
    private readonly byte[] _v6Lengths;

    internal CidrTable(OpenTable table, ulong[] high, ulong[] low, byte[] prefix, ushort[] lists,
        byte[] v4Lengths, byte[] v6Lengths, IntelList[] listTable, int count, int duplicates)
    {
        _table = table;
        _high = high;
        _low = low;
        _prefix = prefix;
        _lists = lists;
        _v4Lengths = v4Lengths;
        _v6Lengths = v6Lengths;
        Lists = listTable;
        Count = count;
        Duplicates = duplicates;
    }

    public IntelList[] Lists { get; }

    public int Count { get; }

    public int Duplicates { get; }

    public long Bytes => _table.Bytes + (long)_high.Length * 8 + (long)_low.Length * 8 + _prefix.Length + (long)_lists.Length * 2;

    public bool TryMatch(IpAddr address, out CidrMatch match)
    {
        var lengths = address.IsIPv4 ? _v4Lengths : address.IsIPv6 ? _v6Lengths : [];
        foreach (var length in lengths)
        {
            var (high, low) = CidrKey.Mask(address, length);
            var entry = Find(address.Family, length, high, low);
            if (entry >= 0)
            {
                match = new CidrMatch(Lists[_lists[entry]], length);
                return true;
            }
        }
        match = default;
        return false;
    }

    internal int Find(byte family, int length, ulong high, ulong low)
    {
        var hash = CidrKey.Hash(family, length, high, low);
        var cursor = _table.Start(hash);
        var prefix = CidrKey.PrefixByte(family, length);
        int entry;
        while ((entry = _table.Next(hash, ref cursor)) >= 0)
        {
            if (_prefix[entry] == prefix && _low[entry] == low && _high[entry] == high)
                return entry;
        }
        return -1;
    }
}
