using Edge.Watch.Net;

namespace Edge.Detect.Intel;

/// <summary>Streams entries into a new <see cref="IntelSnapshot"/>. Names are copied (lower case)
/// as they come, so the caller never holds list text; indexing happens once in <see cref="Build"/>.
/// Not thread-safe; single use.</summary>
public sealed class IntelSnapshotBuilder
{
    private const int MaxLists = ushort.MaxValue + 1;

    private readonly DomainTableBuilder?[] _shards = new DomainTableBuilder?[IntelSnapshot.ShardCount];
    private readonly CidrTableBuilder? _cidrs;
    private readonly Dictionary<IntelList, ushort> _listIndex = new(ReferenceEqualityComparer.Instance);
    private readonly List<IntelList> _lists = [];

    /// <summary>For <c>onlyShard</c>: keep no domains.</summary>
    internal const int NoDomains = -2;

    public IntelSnapshotBuilder()
        : this(-1, withCidrs: true)
    {
    }

    /// <param name="onlyShard">Keep only the domains of this shard; -1 keeps all, <see cref="NoDomains"/> none.</param>
    internal IntelSnapshotBuilder(int onlyShard, bool withCidrs)
    {
        for (var i = 0; i < _shards.Length; i++)
        {
            if (onlyShard == -1 || onlyShard == i)
                _shards[i] = new DomainTableBuilder();
        }
        if (withCidrs)
            _cidrs = new CidrTableBuilder();
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
        _cidrs?.Add(network, prefixLength, IndexOf(list));
        return true;
    }

    public IntelSnapshot Build()
    {
        var lists = _lists.ToArray();
        var shards = new DomainTable[_shards.Length];
        for (var i = 0; i < shards.Length; i++)
        {
            shards[i] = _shards[i]?.Build(lists) ?? DomainTable.Empty;
            _shards[i] = null;
        }
        return new IntelSnapshot(shards, _cidrs?.Build(lists) ?? CidrTable.Empty);
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
