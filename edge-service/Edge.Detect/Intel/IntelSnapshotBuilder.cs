using Edge.Watch.Net;

namespace Edge.Detect.Intel;

/// <summary>Streams entries into a new <see cref="IntelSnapshot"/>. Names are copied (lower case)
/// as they come, so the caller never holds list text; indexing happens once in <see cref="Build"/>.
/// Not thread-safe; single use.</summary>
public sealed class IntelSnapshotBuilder
{
    /// <summary>List indexes are 2 bytes in the records, 0 to 65,534; 65,535 lists at most.</summary>
    internal const int MaxLists = ushort.MaxValue;

    private readonly DomainTableBuilder?[] _shards = new DomainTableBuilder?[IntelSnapshot.ShardCount];
    private readonly CidrTableBuilder?[] _cidrs = new CidrTableBuilder?[IntelSnapshot.ShardCount];
    private readonly Dictionary<IntelList, ushort> _listIndex = new(ReferenceEqualityComparer.Instance);
    private readonly List<IntelList> _lists = [];
    private readonly Dictionary<(string, string, IntelAction, string), (int Exact, int Below)> _splitLists = [];
    private readonly Dictionary<(ushort Exact, ushort Below), ushort> _twins = [];

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
        var index = IndexOf(list);
        if (index < 0)
        {
            error = IntelLineError.TooManyLists;
            return false;
        }
        var shard = _shards[IntelSnapshot.ShardOf(SuffixHash.Of(name))];
        shard?.Add(name, (ushort)index);
        return true;
    }

    /// <summary>Adds a network; false when the prefix length does not fit the family. Host bits
    /// beyond the prefix are ignored.</summary>
    public bool AddCidr(IpAddr network, int prefixLength, IntelList list) => AddCidr(network, prefixLength, list, out _);

    public bool AddCidr(IpAddr network, int prefixLength, IntelList list, out IntelLineError error)
    {
        var max = network.IsIPv4 ? 32 : network.IsIPv6 ? 128 : -1;
        error = IntelLineError.BadPrefixLength;
        if ((uint)prefixLength > (uint)max)
            return false;
        var index = IndexOf(list);
        error = index < 0 ? IntelLineError.TooManyLists : IntelLineError.None;
        if (index < 0)
            return false;
        var (high, low) = CidrKey.Mask(network, prefixLength);
        var prefix = CidrKey.PrefixByte(network.Family, prefixLength);
        _cidrs[IntelSnapshot.ShardOf(CidrKey.Hash(prefix, high, low))]?.Add(high, low, prefix, (ushort)index);
        return true;
    }

    public IntelSnapshot Build()
    {
        var lists = _lists.ToArray();
        var shards = new DomainTable[_shards.Length];
        var cidrs = new CidrTable[_cidrs.Length];
        for (var i = 0; i < shards.Length; i++)
        {
            shards[i] = _shards[i]?.Build(lists, _twins) ?? DomainTable.Empty;
            cidrs[i] = _cidrs[i]?.Build(lists) ?? CidrTable.Empty;
            _shards[i] = null;
            _cidrs[i] = null;
        }
        return new IntelSnapshot(shards, new CidrSet(cidrs));
    }

    /// <summary>The list's index, registered on first use; -1 once <see cref="MaxLists"/> are taken.</summary>
    private int IndexOf(IntelList list)
    {
        if (_listIndex.TryGetValue(list, out var index))
            return index;
        if (_lists.Count == MaxLists)
            return -1;
        index = (ushort)_lists.Count;
        _lists.Add(list);
        _listIndex.Add(list, index);
        if (list.Scope != IntelScope.Suffix)
            PairSplitList(list, index);
        return index;
    }

    /// <summary>An RPZ zone listing both <c>name</c> and <c>*.name</c> with one action means the
    /// name and everything under it: once a list of each scope exists for the same source,
    /// category, action and local data, a suffix-scoped twin is registered, and
    /// <see cref="DomainTableBuilder.Build"/> folds such pairs of records into one record of it.</summary>
    private void PairSplitList(IntelList list, ushort index)
    {
        var key = (list.Source, list.Category, list.Action, string.Join(',', list.LocalData));
        var pair = _splitLists.GetValueOrDefault(key, (Exact: -1, Below: -1));
        pair = list.Scope == IntelScope.Exact ? (index, pair.Below) : (pair.Exact, index);
        _splitLists[key] = pair;
        if (pair.Exact < 0 || pair.Below < 0 || _lists.Count == MaxLists)
            return;
        var twin = new IntelList(list.Source, list.Category, list.Action, IntelScope.Suffix, list.LocalData);
        var twinIndex = (ushort)_lists.Count;
        _lists.Add(twin);
        _listIndex.Add(twin, twinIndex);
        _twins[((ushort)pair.Exact, (ushort)pair.Below)] = twinIndex;
    }
}
