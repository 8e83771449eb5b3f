using Edge.Watch.Net;

namespace Edge.Detect.Intel;

/// <summary>One compiled, immutable intel set: domain suffixes and CIDRs with their lists.
/// Lookups are allocation-free and safe from any number of threads.</summary>
public sealed class IntelSnapshot
{
    /// <summary>Domains and CIDRs are split by the top bits of their hash, so an update can
    /// rebuild an eighth at a time (see <see cref="IntelHolder.ReloadByShards"/>).</summary>
    internal const int ShardBits = 3;

    internal const int ShardCount = 1 << ShardBits;

    public static readonly IntelSnapshot Empty = new(
        [.. Enumerable.Repeat(DomainTable.Empty, ShardCount)], new CidrSet([.. Enumerable.Repeat(CidrTable.Empty, ShardCount)]));

    private readonly DomainTable[] _shards;
    private readonly CidrSet _cidrs;

    internal IntelSnapshot(DomainTable[] shards, CidrSet cidrs)
    {
        _shards = shards;
        _cidrs = cidrs;
    }

    public int DomainCount => _shards.Sum(shard => shard.Count);

    public int CidrCount => _cidrs.Count;

    /// <summary>Entries dropped at compile time because the same name or network came earlier.</summary>
    public int Duplicates => _shards.Sum(shard => shard.Duplicates) + _cidrs.Duplicates;

    /// <summary>Bytes held by the compiled arrays (not counting the list names).</summary>
    public long Bytes => _shards.Sum(shard => shard.Bytes) + _cidrs.Bytes;

    internal DomainTable Shard(int index) => _shards[index];

    internal CidrTable CidrShard(int index) => _cidrs.Shard(index);

    internal static int ShardOf(ulong hash) => (int)(hash >> (64 - ShardBits));

    /// <summary>This snapshot with shard <paramref name="index"/> (domains and CIDRs) taken from
    /// <paramref name="built"/>.</summary>
    internal IntelSnapshot WithShard(int index, IntelSnapshot built)
    {
        var shards = (DomainTable[])_shards.Clone();
        shards[index] = built._shards[index];
        return new IntelSnapshot(shards, _cidrs.WithShard(index, built._cidrs.Shard(index)));
    }

    /// <summary>The most specific listed suffix of <paramref name="name"/> on a label boundary
    /// that its list's scope covers, ignoring ASCII case and one trailing dot: "a.evil.com" matches
    /// "evil.com", "notevil.com" does not; an <see cref="IntelScope.Exact"/> entry matches only the
    /// whole name (Start 0), a <see cref="IntelScope.Subdomains"/> entry only a proper suffix.</summary>
    public bool TryMatchDomain(ReadOnlySpan<byte> name, out DomainMatch match)
    {
        match = default;
        name = DomainName.TrimDot(name);
        if (name.IsEmpty || name.Length > DomainName.MaxLength)
            return false;
        var found = false;
        var hash = SuffixHash.Seed;
        // Right to left: each label boundary completes the hash of one more suffix, and a
        // longer suffix found later is more specific, so the last hit wins.
        for (var i = name.Length - 1; i >= 0; i--)
        {
            hash = SuffixHash.Step(hash, name[i]);
            if (i > 0 && name[i - 1] != (byte)'.')
                continue;
            var finished = SuffixHash.Finish(hash);
            var shard = _shards[ShardOf(finished)];
            var list = shard.Find(finished, name[i..], i == 0 ? ScopeMask.Name : ScopeMask.Below);
            if (list >= 0)
            {
                match = new DomainMatch(shard.Lists[list], i);
                found = true;
            }
        }
        return found;
    }

    /// <summary>The longest listed prefix containing <paramref name="address"/>.</summary>
    public bool TryMatchAddress(IpAddr address, out CidrMatch match) => _cidrs.TryMatch(address, out match);

    /// <summary>Every listed network once, with the list a lookup would report for it (a network
    /// listed twice shows its first list), shard by shard in no useful order. The enumerator is a
    /// struct and yields values: <c>foreach</c> over it allocates nothing.</summary>
    public CidrEnumerator EnumerateCidrs() => new(_cidrs);
}
