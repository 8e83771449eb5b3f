using System.Net;
using System.Text;
using Edge.Watch.Net;

namespace Edge.Detect.Intel;

/// <summary>Parses "address" or "address/length" in UTF-8. IPv4 must be a strict dotted quad
/// (no inet_aton shorthand like "10.1"); a bare address is a /32 or /128.</summary>
public static class CidrText
{
    public static IntelLineError TryParse(ReadOnlySpan<byte> text, out IpAddr network, out int prefixLength)
    {
        network = default;
        prefixLength = 0;
        var slash = text.IndexOf((byte)'/');
        var address = slash < 0 ? text : text[..slash];
        if (!TryParseAddress(address, out network))
            return IntelLineError.BadAddress;
        var max = network.IsIPv4 ? 32 : 128;
        prefixLength = max;
        if (slash >= 0 && !TryParseLength(text[(slash + 1)..], max, out prefixLength))
            return IntelLineError.BadPrefixLength;
        var (high, low) = CidrKey.Mask(network, prefixLength);
        return high == network.High && low == network.Low ? IntelLineError.None : IntelLineError.HostBitsSet;
    }

    public static bool TryParseAddress(ReadOnlySpan<byte> text, out IpAddr address)
    {
        address = default;
        if (text.IndexOf((byte)':') < 0)
            return TryParseIPv4(text, out address);
        if (text.Length > IpAddr.MaxTextLength || text.IndexOfAny((byte)'%', (byte)'[') >= 0)
            return false;
        Span<char> chars = stackalloc char[IpAddr.MaxTextLength];
        if (Ascii.ToUtf16(text, chars, out var written) != System.Buffers.OperationStatus.Done
            || !IPAddress.TryParse(chars[..written], out var parsed)
            || parsed.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            return false;
        Span<byte> bytes = stackalloc byte[16];
        parsed.TryWriteBytes(bytes, out _);
        address = IpAddr.FromIPv6(bytes);
        return true;
    }

    private static bool TryParseIPv4(ReadOnlySpan<byte> text, out IpAddr address)
    {
        address = default;
        uint value = 0;
        var parts = 0;
        var digits = 0;
        uint part = 0;
        foreach (var b in text)
        {
            if (b == (byte)'.')
            {
                if (digits == 0 || ++parts > 3)
                    return false;
                value = (value << 8) | part;
                part = 0;
                digits = 0;
            }
            else if ((uint)(b - '0') < 10u && digits < 3)
            {
                part = part * 10 + (uint)(b - '0');
                digits++;
                if (part > 255)
                    return false;
            }
            else
            {
                return false;
            }
        }
        if (digits == 0 || parts != 3)
            return false;
        address = IpAddr.FromIPv4((value << 8) | part);
        return true;
    }

    private static bool TryParseLength(ReadOnlySpan<byte> text, int max, out int length)
    {
        length = 0;
        if (text.IsEmpty || text.Length > 3)
            return false;
        foreach (var b in text)
        {
            if ((uint)(b - '0') >= 10u)
                return false;
            length = length * 10 + (b - '0');
        }
        return length <= max;
    }
}
