using Edge.Watch.Net;

namespace Edge.Detect.Intel;

/// <summary>One bit per leading 16 bits of an address, per family (8 KiB each): set when some listed
/// network covers addresses starting with those bits. A clear bit proves an address is in no listed
/// network, so <see cref="CidrSet"/> skips its per-length probes for most addresses (real traffic
/// rarely touches a listed /16). A set bit only means "look".</summary>
internal sealed class CoarsePrefixFilter
{
    private const int TopBits = 16;
    private const int Words = (1 << TopBits) / 64;

    private readonly ulong[] _v4 = new ulong[Words];
    private readonly ulong[] _v6 = new ulong[Words];

    /// <summary>Marks every network of the shards, duplicates included (a superset is still exact:
    /// the probes decide).</summary>
    public CoarsePrefixFilter(CidrTable[] shards)
    {
        foreach (var shard in shards)
        {
            foreach (var entry in shard.Networks())
            {
                if (entry.Prefix <= 32)
                    Mark(_v4, (uint)entry.Low >> 16, entry.Prefix);
                else
                    Mark(_v6, (uint)(entry.High >> 48), entry.Prefix - 64);
            }
        }
    }

    /// <summary>False when no listed network can contain <paramref name="address"/>.</summary>
    public bool MayContain(in IpAddr address)
    {
        uint top;
        ulong[] bits;
        if (address.IsIPv4)
        {
            top = address.V4 >> 16;
            bits = _v4;
        }
        else
        {
            top = (uint)(address.High >> 48);
            bits = _v6;
        }
        return (bits[top >> 6] & (1UL << (int)top)) != 0;
    }

    /// <summary>A network of <paramref name="length"/> bits starting at <paramref name="top"/> covers
    /// one leading-16-bit value, or 2^(16 − length) of them when it is shorter.</summary>
    private static void Mark(ulong[] bits, uint top, int length)
    {
        var count = length >= TopBits ? 1u : 1u << (TopBits - length);
        for (var value = top; value < top + count; value++)
            bits[value >> 6] |= 1UL << (int)value;
    }
}
