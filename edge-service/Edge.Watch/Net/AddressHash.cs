namespace Edge.Watch.Net;

/// <summary>Seeded 64-bit hashes of addresses (with a port), for tables an outsider must not be
/// able to aim collisions at: the flow table and the detectors' distinct counters.</summary>
public static class AddressHash
{
    public static ulong Of(in IpAddr address, ushort port, ulong seed) =>
        Mix(address.High ^ seed) ^ Mix(address.Low + (((ulong)port << 40) | address.Family) + seed);

    /// <summary>The splitmix64 finaliser.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebUL;
        return x ^ (x >> 31);
    }
}
