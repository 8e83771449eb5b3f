using Edge.Watch.Net;

namespace Edge.Detect.Intel;

/// <summary>Longest-prefix match as one exact-match hash table keyed by (family, prefix length,
/// masked network), probed once per prefix length present in the lists, longest first. Real
/// feeds use a handful of lengths (/32, /24, /128, /64 ...), so a lookup is a few probes.</summary>
internal sealed class CidrTable
{
    public static readonly CidrTable Empty = new CidrTableBuilder().Build([]);

    private readonly OpenTable _table;
    private readonly CidrEntry[][] _chunks;
    private readonly byte[] _v4Lengths;
    private readonly byte[] _v6Lengths;

    internal CidrTable(OpenTable table, CidrEntry[][] chunks, byte[] v4Lengths, byte[] v6Lengths,
        IntelList[] listTable, int count, int duplicates)
    {
        _table = table;
        _chunks = chunks;
        _v4Lengths = v4Lengths;
        _v6Lengths = v6Lengths;
        Lists = listTable;
        Count = count;
        Duplicates = duplicates;
    }

    public IntelList[] Lists { get; }

    public int Count { get; }

    public int Duplicates { get; }

    public long Bytes => _table.Bytes + _chunks.Sum(chunk => (long)chunk.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<CidrEntry>());

    public bool TryMatch(IpAddr address, out CidrMatch match)
    {
        var lengths = address.IsIPv4 ? _v4Lengths : address.IsIPv6 ? _v6Lengths : [];
        foreach (var length in lengths)
        {
            var (high, low) = CidrKey.Mask(address, length);
            var list = Find(CidrKey.PrefixByte(address.Family, length), high, low);
            if (list >= 0)
            {
                match = new CidrMatch(Lists[list], length);
                return true;
            }
        }
        match = default;
        return false;
    }

    /// <summary>The list index of the network, or -1.</summary>
    private int Find(byte prefix, ulong high, ulong low)
    {
        var hash = CidrKey.Hash(prefix, high, low);
        var cursor = _table.Start(hash);
        int entry;
        while ((entry = _table.Next(hash, ref cursor)) >= 0)
        {
            ref readonly var candidate = ref _chunks[entry >> CidrEntry.ChunkBits][entry & CidrEntry.ChunkMask];
            if (candidate.Prefix == prefix && candidate.Low == low && candidate.High == high)
                return candidate.List;
        }
        return -1;
    }
}
