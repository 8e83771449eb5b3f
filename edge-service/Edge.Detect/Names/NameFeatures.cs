namespace Edge.Detect.Names;

/// <summary>Shape of one label, for detectors that weigh more than the trigram score.</summary>
public readonly record struct NameFeatures(int Length, double DigitRatio, int LongestConsonantRun, double Entropy)
{
    /// <summary>Computed without allocating; letters compare case-insensitively.</summary>
    public static NameFeatures Compute(ReadOnlySpan<byte> label)
    {
        if (label.IsEmpty)
            return default;
        Span<int> counts = stackalloc int[256];
        var digits = 0;
        var run = 0;
        var longestRun = 0;
        foreach (var raw in label)
        {
            var octet = raw is >= (byte)'A' and <= (byte)'Z' ? (byte)(raw | 0x20) : raw;
            counts[octet]++;
            if (octet is >= (byte)'0' and <= (byte)'9')
                digits++;
            run = IsConsonant(octet) ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
        }
        return new NameFeatures(label.Length, (double)digits / label.Length, longestRun, ShannonEntropy(counts, label.Length));
    }

    private static bool IsConsonant(byte octet) =>
        octet is >= (byte)'a' and <= (byte)'z' && octet is not ((byte)'a' or (byte)'e' or (byte)'i' or (byte)'o' or (byte)'u' or (byte)'y');

    /// <summary>Shannon entropy in bits per octet of the label's octet distribution.</summary>
    private static double ShannonEntropy(ReadOnlySpan<int> counts, int total)
    {
        var entropy = 0.0;
        foreach (var count in counts)
        {
            if (count == 0)
                continue;
            var p = (double)count / total;
            entropy -= p * Math.Log2(p);
        }
        return entropy;
    }
}
