using Edge.Watch.Net;

namespace Edge.Detect.Intel;

/// <summary>The CIDR tables of a snapshot, one per shard (by the top bits of the key's hash, as
/// for domains), looked up as one: for each prefix length present in any shard, longest first,
/// the masked key is probed in the shard its hash names; a <see cref="CoarsePrefixFilter"/> first
/// turns away addresses no listed network can contain.</summary>
internal sealed class CidrSet
{
    private readonly CidrTable[] _shards;
    private readonly byte[] _v4Lengths;
    private readonly byte[] _v6Lengths;
    private readonly CoarsePrefixFilter _coarse;

    public CidrSet(CidrTable[] shards)
    {
        _shards = shards;
        _v4Lengths = [.. shards.SelectMany(shard => shard.V4Lengths).Distinct().OrderDescending()];
        _v6Lengths = [.. shards.SelectMany(shard => shard.V6Lengths).Distinct().OrderDescending()];
        _coarse = new CoarsePrefixFilter(shards);
    }

    public int Count => _shards.Sum(shard => shard.Count);

    public int Duplicates => _shards.Sum(shard => shard.Duplicates);

    public long Bytes => _shards.Sum(shard => shard.Bytes);

    public CidrTable Shard(int index) => _shards[index];

    public CidrSet WithShard(int index, CidrTable shard)
    {
        var shards = (CidrTable[])_shards.Clone();
        shards[index] = shard;
        return new CidrSet(shards);
    }

    public bool TryMatch(IpAddr address, out CidrMatch match)
    {
        match = default;
        var lengths = address.IsIPv4 ? _v4Lengths : address.IsIPv6 ? _v6Lengths : [];
        if (lengths.Length == 0 || !_coarse.MayContain(address))
            return false;
        foreach (var length in lengths)
        {
            var (high, low) = CidrKey.Mask(address, length);
            var prefix = CidrKey.PrefixByte(address.Family, length);
            var hash = CidrKey.Hash(prefix, high, low);
            var shard = _shards[IntelSnapshot.ShardOf(hash)];
            var list = shard.Find(hash, prefix, high, low);
            if (list >= 0)
            {
                match = new CidrMatch(shard.Lists[list], length);
                return true;
            }
        }
        match = default;
        return false;
    }
}
