using System.Buffers.Binary;
using Edge.Watch.Decoding;

namespace Edge.Watch.Net;

/// <summary>IPv6 text as RFC 5952 §4 recommends and System.Net.IPAddress writes it: lower-case hex,
/// no leading zeros, the first longest run of two or more zero groups as "::", and the last
/// 32 bits dotted for the prefixes IPAddress embeds IPv4 in.</summary>
internal static class Ipv6Text
{
    private const int Groups = 8;

    public static bool TryFormat(ReadOnlySpan<byte> address, Span<byte> destination, out int written)
    {
        written = 0;
        if (address.Length != 16)
            return false;
        Span<ushort> groups = stackalloc ushort[Groups];
        for (var i = 0; i < Groups; i++)
            groups[i] = BinaryPrimitives.ReadUInt16BigEndian(address[(i * 2)..]);
        var position = 0;
        if (EmbedsIpv4(groups))
        {
            if (!TryAppendGroups(groups[..6], destination, ref position))
                return false;
            if (destination[position - 1] != (byte)':' && !Utf8Text.TryAppend(destination, ref position, (byte)':'))
                return false;
            if (!Ipv4Text.TryAppend(address[12..], destination, ref position))
                return false;
        }
        else if (!TryAppendGroups(groups, destination, ref position))
        {
            return false;
        }
        written = position;
        return true;
    }

    // IPv4-compatible ::a.b.c.d and mapped ::ffff:a.b.c.d (RFC 5952 §5), SIIT ::ffff:0:a.b.c.d
    // and ISATAP ...:0:5efe:a.b.c.d, the same set IPAddress embeds.
    private static bool EmbedsIpv4(ReadOnlySpan<ushort> g)
    {
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[6] != 0)
        {
            if (g[4] == 0 && (g[5] == 0 || g[5] == 0xFFFF))
                return true;
            if (g[4] == 0xFFFF && g[5] == 0)
                return true;
        }
        return g[4] == 0 && g[5] == 0x5EFE;
    }

    private static bool TryAppendGroups(ReadOnlySpan<ushort> groups, Span<byte> destination, ref int position)
    {
        var (start, end) = LongestZeroRun(groups);
        for (var i = 0; i < groups.Length; i++)
        {
            if (i == start)
            {
                if (!Utf8Text.TryAppend(destination, ref position, (byte)':') || !Utf8Text.TryAppend(destination, ref position, (byte)':'))
                    return false;
                i = end - 1;
                continue;
            }
            if (i > 0 && i != end && !Utf8Text.TryAppend(destination, ref position, (byte)':'))
                return false;
            if (position > destination.Length || !groups[i].TryFormat(destination[position..], out var written, "x", null))
                return false;
            position += written;
        }
        return true;
    }

    private static (int Start, int End) LongestZeroRun(ReadOnlySpan<ushort> groups)
    {
        int bestStart = -1, bestLength = 0, runLength = 0;
        for (var i = 0; i < groups.Length; i++)
        {
            if (groups[i] != 0)
            {
                runLength = 0;
                continue;
            }
            runLength++;
            if (runLength > bestLength)
            {
                bestLength = runLength;
                bestStart = i - runLength + 1;
            }
        }
        // RFC 5952 §4.2.2: a single zero group is not shortened.
        return bestLength > 1 ? (bestStart, bestStart + bestLength) : (-1, -1);
    }
}
