using Edge.Watch.Decoding;

namespace Edge.Watch.Dns;

/// <summary>Bounded appends of presentation text into a caller's buffer.</summary>
internal static class DnsText
{
    public enum Escape : byte
    {
        /// <summary>Labels: '.', '\' and octets outside 0x21..0x7E (RFC 1035 §5.1, as dig writes them).</summary>
        Name,

        /// <summary>Character-strings: '\' and octets outside 0x20..0x7E; spaces and dots stay.</summary>
        Text,
    }

    public static bool TryAppendEscaped(Span<byte> destination, ref int position, ReadOnlySpan<byte> octets, Escape escape)
    {
        var lowest = escape == Escape.Name ? 0x21 : 0x20;
        foreach (var octet in octets)
        {
            bool ok;
            if (octet < lowest || octet > 0x7E)
                ok = TryAppendDecimalEscape(destination, ref position, octet);
            else if (octet == (byte)'\\' || (octet == (byte)'.' && escape == Escape.Name))
                ok = Utf8Text.TryAppend(destination, ref position, (byte)'\\') && Utf8Text.TryAppend(destination, ref position, octet);
            else
                ok = Utf8Text.TryAppend(destination, ref position, octet);
            if (!ok)
                return false;
        }
        return true;
    }

    private static bool TryAppendDecimalEscape(Span<byte> destination, ref int position, byte octet)
    {
        if (destination.Length - position < 4)
            return false;
        destination[position] = (byte)'\\';
        destination[position + 1] = (byte)('0' + octet / 100);
        destination[position + 2] = (byte)('0' + octet / 10 % 10);
        destination[position + 3] = (byte)('0' + octet % 10);
        position += 4;
        return true;
    }
}
