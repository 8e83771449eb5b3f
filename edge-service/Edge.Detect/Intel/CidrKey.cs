using Edge.Watch.Net;

namespace Edge.Detect.Intel;

/// <summary>Masks and hashes (family, prefix length, network) keys for <see cref="CidrTable"/>.</summary>
internal static class CidrKey
{
    public static (ulong High, ulong Low) Mask(IpAddr address, int length)
    {
        if (address.IsIPv4)
            return (0, length == 0 ? 0 : address.V4 & (uint.MaxValue << (32 - length)));
        if (length <= 64)
            return (length == 0 ? 0 : address.High & (ulong.MaxValue << (64 - length)), 0);
        return (address.High, length == 128 ? address.Low : address.Low & (ulong.MaxValue << (128 - length)));
    }

    /// <summary>Family and length in one byte: IPv4 0..32, IPv6 64..192.</summary>
    public static byte PrefixByte(byte family, int length) => (byte)(family == 4 ? length : 64 + length);

    public static ulong Hash(byte prefixByte, ulong high, ulong low)
    {
        var hash = (high * 0x9E3779B97F4A7C15UL) ^ low ^ ((ulong)prefixByte << 56);
        return SuffixHash.Finish(hash ^ (hash >> 29));
    }
}
