namespace Edge.Detect.Behaviour;

/// <summary>Label lengths, Shannon entropy and a case-folded hash of a name in presentation form
/// (as <c>DnsName.TryRead</c> writes it): <c>\DDD</c> and <c>\X</c> escapes count as one octet
/// and an escaped dot does not end a label.</summary>
internal static class SubdomainShape
{
    private const int MaxOctets = 255;

    public static void Measure(ReadOnlySpan<byte> text, out int labels, out int octets, out double entropyBits, out ulong hash)
    {
        Span<int> histogram = stackalloc int[256];
        histogram.Clear();
        hash = 14695981039346656037UL;
        labels = 0;
        octets = 0;
        var inLabel = false;
        for (var i = 0; i < text.Length && octets < MaxOctets; i++)
        {
            int octet = text[i];
            if (octet == '.')
            {
                inLabel = false;
                hash = (hash ^ '.') * 1099511628211UL;
                continue;
            }
            if (octet == '\\' && i + 1 < text.Length)
            {
                if (i + 3 < text.Length && char.IsAsciiDigit((char)text[i + 1]) && char.IsAsciiDigit((char)text[i + 2]) && char.IsAsciiDigit((char)text[i + 3]))
                {
                    octet = Math.Min(255, ((text[i + 1] - '0') * 100) + ((text[i + 2] - '0') * 10) + (text[i + 3] - '0'));
                    i += 3;
                }
                else
                    octet = text[++i];
            }
            if (!inLabel)
            {
                inLabel = true;
                labels++;
            }
            octets++;
            histogram[octet]++;
            hash = (hash ^ (uint)(octet is >= 'A' and <= 'Z' ? octet | 0x20 : octet)) * 1099511628211UL;
        }
        entropyBits = Entropy(histogram, octets);
    }

    private static double Entropy(ReadOnlySpan<int> histogram, int total)
    {
        if (total == 0)
            return 0;
        double bits = 0;
        foreach (var count in histogram)
        {
            if (count == 0)
                continue;
            var p = count / (double)total;
            bits -= p * Math.Log2(p);
        }
        return bits;
    }
}
