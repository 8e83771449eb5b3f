using System.Numerics;

namespace Edge.Detect.Behaviour;

/// <summary>Linear counting (Whang, Vander-Zanden &amp; Taylor 1990): a distinct-count estimate from
/// a bitmap of m bits as m·ln(m / zero bits). Good to a few percent up to about m distinct values.</summary>
internal static class LinearCounter
{
    public static void Add(Span<ulong> bitmap, ulong hash)
    {
        var bit = (int)(hash % (ulong)(bitmap.Length * 64));
        bitmap[bit >> 6] |= 1UL << (bit & 63);
    }

    public static double Estimate(ReadOnlySpan<ulong> bitmap)
    {
        var bits = bitmap.Length * 64;
        var set = 0;
        foreach (var word in bitmap)
            set += BitOperations.PopCount(word);
        var zeros = bits - set;
        // A full bitmap only says "at least about m·ln m".
        return zeros == 0 ? bits * Math.Log(bits) : bits * Math.Log(bits / (double)zeros);
    }
}
