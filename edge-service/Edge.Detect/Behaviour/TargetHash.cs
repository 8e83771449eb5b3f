using Edge.Watch.Net;

namespace Edge.Detect.Behaviour;

/// <summary>A seeded 64-bit id for an address (and port), so distinct sets store 8 bytes a target.</summary>
internal static class TargetHash
{
    public static ulong Of(in IpAddr address, ushort port, ulong seed) =>
        Mix(address.High ^ seed) ^ Mix(address.Low + (((ulong)port << 40) | address.Family) + seed);

    // splitmix64 finaliser.
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebUL;
        return x ^ (x >> 31);
    }
}
