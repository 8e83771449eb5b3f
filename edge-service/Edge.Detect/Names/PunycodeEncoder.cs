using System.Text;

namespace Edge.Detect.Names;

/// <summary>RFC 3492 §6.3 Punycode encoding and the IDNA ToASCII form of a whole name, for the few
/// places that hold names in Unicode (the Public Suffix List) while the wire carries <c>xn--</c>.
/// Used at load time, not per packet.</summary>
public static class PunycodeEncoder
{
    private const int Base = 36;
    private const int TMin = 1;
    private const int TMax = 26;
    private const int Skew = 38;
    private const int Damp = 700;
    private const int InitialBias = 72;
    private const int InitialN = 0x80;

    /// <summary>Encodes one label's code points (without the <c>xn--</c> prefix).</summary>
    public static string Encode(ReadOnlySpan<int> codePoints)
    {
        var output = new StringBuilder(codePoints.Length * 2);
        foreach (var c in codePoints)
        {
            if (c < InitialN)
                output.Append((char)c);
        }
        var basic = output.Length;
        var handled = basic;
        if (basic > 0)
            output.Append('-');
        var n = InitialN;
        var delta = 0L;
        var bias = InitialBias;
        while (handled < codePoints.Length)
        {
            var next = int.MaxValue;
            foreach (var c in codePoints)
            {
                if (c >= n && c < next)
                    next = c;
            }
            delta += (long)(next - n) * (handled + 1);
            n = next;
            foreach (var c in codePoints)
            {
                if (c < n)
                    delta++;
                if (c != n)
                    continue;
                var q = delta;
                for (var k = Base; ; k += Base)
                {
                    var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                    if (q < t)
                        break;
                    output.Append(Digit((int)(t + (q - t) % (Base - t))));
                    q = (q - t) / (Base - t);
                }
                output.Append(Digit((int)q));
                bias = Adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled++;
            }
            delta++;
            n++;
        }
        return output.ToString();
    }

    /// <summary>The name with every label that is not plain ASCII lower-cased and written as
    /// <c>xn--</c> Punycode (<c>公司.cn</c> → <c>xn--55qx5d.cn</c>); ASCII labels are only lower-cased.
    /// The caller gives names already in Unicode normal form C, as the Public Suffix List does.</summary>
    public static string ToAscii(string name)
    {
        var labels = name.Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i].ToLowerInvariant();
            if (Ascii.IsValid(label))
            {
                labels[i] = label;
                continue;
            }
            var codePoints = new List<int>(label.Length);
            foreach (var rune in label.EnumerateRunes())
                codePoints.Add(rune.Value);
            labels[i] = "xn--" + Encode(codePoints.ToArray());
        }
        return string.Join('.', labels);
    }

    private static char Digit(int d) => (char)(d < 26 ? 'a' + d : '0' + d - 26);

    private static int Adapt(long delta, int points, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / points;
        var k = 0;
        while (delta > (Base - TMin) * TMax / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }
        return (int)(k + (Base - TMin + 1) * delta / (delta + Skew));
    }
}
