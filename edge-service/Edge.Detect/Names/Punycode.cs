namespace Edge.Detect.Names;

/// <summary>RFC 3492 Punycode decoding of one label, into a caller's buffer of code points.</summary>
public static class Punycode
{
    // RFC 3492 §5 parameter values for Punycode.
    private const int Base = 36;
    private const int TMin = 1;
    private const int TMax = 26;
    private const int Skew = 38;
    private const int Damp = 700;
    private const int InitialBias = 72;
    private const int InitialN = 0x80;
    private const int MaxCodePoint = 0x10FFFF;

    /// <summary>True when the label starts with the IDNA ACE prefix <c>xn--</c> (any case).</summary>
    public static bool HasAcePrefix(ReadOnlySpan<byte> label) =>
        label.Length >= 4 && (label[0] | 0x20) == 'x' && (label[1] | 0x20) == 'n' && label[2] == '-' && label[3] == '-';

    /// <summary>Decodes <paramref name="encoded"/> (the part after <c>xn--</c>) per RFC 3492 §6.2.
    /// False on a non-basic octet, an invalid digit, a truncated number, overflow, a code point past
    /// U+10FFFF or a surrogate, or when <paramref name="destination"/> is too small. Basic code
    /// points are lower-cased; nothing is allocated.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, Span<int> destination, out int written)
    {
        written = 0;
        var delimiter = encoded.LastIndexOf((byte)'-');
        var basicCount = Math.Max(delimiter, 0);
        if (basicCount > destination.Length)
            return false;
        for (var j = 0; j < basicCount; j++)
        {
            var octet = encoded[j];
            if (octet >= 0x80)
                return false;
            destination[j] = octet is >= (byte)'A' and <= (byte)'Z' ? octet | 0x20 : octet;
        }
        var length = basicCount;
        var n = InitialN;
        var bias = InitialBias;
        var i = 0;
        for (var position = delimiter > 0 ? delimiter + 1 : 0; position < encoded.Length;)
        {
            var oldI = i;
            var w = 1;
            for (var k = Base; ; k += Base)
            {
                if (position >= encoded.Length)
                    return false;
                var digit = DigitValue(encoded[position++]);
                if (digit < 0 || digit > (int.MaxValue - i) / w)
                    return false;
                i += digit * w;
                var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                if (digit < t)
                    break;
                if (w > int.MaxValue / (Base - t))
                    return false;
                w *= Base - t;
            }
            bias = Adapt(i - oldI, length + 1, oldI == 0);
            if (i / (length + 1) > MaxCodePoint - n)
                return false;
            n += i / (length + 1);
            i %= length + 1;
            if (n > MaxCodePoint || n is >= 0xD800 and <= 0xDFFF || n < InitialN || length >= destination.Length)
                return false;
            destination[i..length].CopyTo(destination[(i + 1)..]);
            destination[i] = n;
            length++;
            i++;
        }
        written = length;
        return true;
    }

    private static int DigitValue(byte octet) => octet switch
    {
        >= (byte)'a' and <= (byte)'z' => octet - 'a',
        >= (byte)'A' and <= (byte)'Z' => octet - 'A',
        >= (byte)'0' and <= (byte)'9' => octet - '0' + 26,
        _ => -1,
    };

    // RFC 3492 §6.1.
    private static int Adapt(int delta, int pointCount, bool firstTime)
    {
        delta = firstTime ? delta / Damp : delta / 2;
        delta += delta / pointCount;
        var k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }
        return k + (Base - TMin + 1) * delta / (delta + Skew);
    }
}
