using Edge.Watch.Net;

namespace Edge.Watch.Flows;

/// <summary>Direction-independent 5-tuple hash, keyed per table so an attacker cannot aim collisions.</summary>
internal static class FlowHash
{
    public static uint Compute(in IpAddr a, ushort portA, in IpAddr b, ushort portB, byte protocol, ulong seed)
    {
        // Adding the two endpoint hashes makes (a,b) and (b,a) hash alike.
        var endpoints = AddressHash.Of(a, portA, seed) + AddressHash.Of(b, portB, seed);
        return (uint)AddressHash.Mix(endpoints ^ protocol);
    }
}
