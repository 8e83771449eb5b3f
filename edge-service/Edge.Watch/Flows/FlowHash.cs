using Edge.Watch.Net;

namespace Edge.Watch.Flows;

/// <summary>Direction-independent 5-tuple hash, keyed per table so an attacker cannot aim collisions.</summary>
internal static class FlowHash
{
    public static uint Compute(in IpAddr a, ushort portA, in IpAddr b, ushort portB, byte protocol, ulong seed)
    {
        // Adding the two endpoint hashes makes (a,b) and (b,a) hash alike.
        var endpoints = Endpoint(a, portA, seed) + Endpoint(b, portB, seed);
        return (uint)Mix(endpoints ^ protocol);
    }

    private static ulong Endpoint(in IpAddr address, ushort port, ulong seed) =>
        Mix(address.High ^ seed) ^ Mix(address.Low + (((ulong)port << 40) | address.Family) + seed);

    // splitmix64 finaliser.
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebUL;
        return x ^ (x >> 31);
    }
}
