using Edge.Watch.Net;

namespace Edge.Detect.Suppressions;

internal static class Prefix
{
    /// <summary>True when <paramref name="address"/> is inside network/prefixLength (same family).</summary>
    public static bool Contains(IpAddr network, int prefixLength, IpAddr address)
    {
        if (network.Family != address.Family)
            return false;
        if (network.IsIPv4)
            return prefixLength == 0 || (network.V4 ^ address.V4) >> (32 - prefixLength) == 0;
        if (prefixLength <= 64)
            return prefixLength == 0 || (network.High ^ address.High) >> (64 - prefixLength) == 0;
        return network.High == address.High && (prefixLength == 128 || (network.Low ^ address.Low) >> (128 - prefixLength) == 0);
    }
}
