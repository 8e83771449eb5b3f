using Edge.Watch.Net;

namespace Edge.Detect.Intel;

/// <summary>Walks a snapshot's networks without allocating (see <see cref="IntelSnapshot.EnumerateCidrs"/>):
/// shard by shard, entry by entry, skipping entries dropped as duplicates at build time.</summary>
public struct CidrEnumerator
{
    private readonly CidrSet _set;
    private int _shard;
    private int _entry;

    internal CidrEnumerator(CidrSet set)
    {
        _set = set;
        _shard = 0;
        _entry = -1;
        Current = default;
    }

    public IntelCidr Current { get; private set; }

    public readonly CidrEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        while (_shard < IntelSnapshot.ShardCount)
        {
            var table = _set.Shard(_shard);
            while (++_entry < table.Added)
            {
                if (!table.TryGetIndexed(_entry, out var entry))
                    continue;
                Current = new IntelCidr(Network(entry), entry.Prefix >= 64 ? entry.Prefix - 64 : entry.Prefix, table.Lists[entry.List]);
                return true;
            }
            _shard++;
            _entry = -1;
        }
        return false;
    }

    private static IpAddr Network(in CidrEntry entry)
    {
        if (entry.Prefix < 64)
            return IpAddr.FromIPv4((uint)entry.Low);
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, entry.High);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], entry.Low);
        return IpAddr.FromIPv6(bytes);
    }
}
