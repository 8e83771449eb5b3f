using Edge.Watch.Net;

namespace Edge.Detect.Intel;

/// <summary>Streams entries into a new <see cref="IntelSnapshot"/>. Names are copied (lower case)
/// as they come, so the caller never holds list text; indexing happens once in <see cref="Build"/>.
/// Not thread-safe; single use.</summary>
public sealed class IntelSnapshotBuilder
{
    private const int MaxLists = ushort.MaxValue + 1;

    private readonly DomainTableBuilder?[] _shards = new DomainTableBuilder?[IntelSnapshot.ShardCount];
    private readonly CidrTableBuilder?[] _cidrs = new CidrTableBuilder?[IntelSnapshot.ShardCount];
    private readonly Dictionary<IntelList, ushort> _listIndex = new(ReferenceEqualityComparer.Instance);
    private readonly List<IntelList> _lists = [];

    public IntelSnapshotBuilder()
        : this(-1)
    {
    }

    /// <param name="onlyShard">Keep only the domains and networks of this shard; -1 keeps all.</param>
    internal IntelSnapshotBuilder(int onlyShard)
    {
        for (var i = 0; i < _shards.Length; i++)
        {
            if (onlyShard < 0 || onlyShard == i)
            {
                _shards[i] = new DomainTableBuilder();
                _cidrs[i] = new CidrTableBuilder();
            }
        }
    }

    /// <summary>Adds a name (trailing dot allowed); false when it is not a valid name.</summary>
    public bool AddDomain(ReadOnlySpan<byte> name, IntelList list) => AddDomain(name, list, out _);

    public bool AddDomain(ReadOnlySpan<byte> name, IntelList list, out IntelLineError error)
    {
        name = DomainName.TrimDot(name);
        error = DomainName.Validate(name);
        if (error != IntelLineError.None)
            return false;
        var shard = _shards[IntelSnapshot.ShardOf(SuffixHash.Of(name))];
        shard?.Add(name, IndexOf(list));
        return true;
    }

    /// <summary>Adds a network; false when the prefix length does not fit the family. Host bits
    /// beyond the prefix are ignored.</summary>
    public bool AddCidr(IpAddr network, int prefixLength, IntelList list)
    {
        var max = network.IsIPv4 ? 32 : network.IsIPv6 ? 128 : -1;
        if ((uint)prefixLength > (uint)max)
            return false;
        var (high, low) = CidrKey.Mask(network, prefixLength);
        var prefix = CidrKey.PrefixByte(network.Family, prefixLength);
        _cidrs[IntelSnapshot.ShardOf(CidrKey.Hash(prefix, high, low))]?.Add(high, low, prefix, IndexOf(list));
        return true;
    }

    public IntelSnapshot Build()
    {
        var lists = _lists.ToArray();
        var shards = new DomainTable[_shards.Length];
        var cidrs = new CidrTable[_cidrs.Length];
        for (var i = 0; i < shards.Length; i++)
        {
            shards[i] = _shards[i]?.Build(lists) ?? DomainTable.Empty;
            cidrs[i] = _cidrs[i]?.Build(lists) ?? CidrTable.Empty;
            _shards[i] = null;
            _cidrs[i] = null;
        }
        return new IntelSnapshot(shards, new CidrSet(cidrs));
    }

    private ushort IndexOf(IntelList list)
    {
        if (_listIndex.TryGetValue(list, out var index))
            return index;
        if (_lists.Count == MaxLists)
            throw new InvalidOperationException($"More than {MaxLists} (source, category) lists in one snapshot.");
        index = (ushort)_lists.Count;
        _lists.Add(list);
        _listIndex.Add(list, index);
        return index;
    }
}
