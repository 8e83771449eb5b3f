namespace Edge.Detect.Names;

/// <summary>A UTS #39-style skeleton of a label: each character folded to the ASCII letter it looks
/// like (Latin letters with diacritics, Vietnamese included, Cyrillic and Greek lookalikes, 0→o,
/// 1→l), then the ASCII sequences rn, nn → m, vv → w, cl → d. Two labels that look alike get equal
/// skeletons; the table is small and aimed at the squats dnstwist makes, not all of confusables.txt.</summary>
internal static class Skeleton
{
    /// <summary>Stands for a character with no fold: it never equals an ASCII letter.</summary>
    public const byte Unknown = 0xFF;

    // Copied once: reading the int collection-expression property allocated on every access (measured).
    private static readonly int[] s_codePoints = SkeletonData.CodePoints.ToArray();

    public static int Write(ReadOnlySpan<byte> asciiLabel, Span<byte> destination)
    {
        for (var i = 0; i < asciiLabel.Length; i++)
            destination[i] = FoldAscii(asciiLabel[i]);
        return CollapseSequences(destination[..asciiLabel.Length]);
    }

    public static int Write(ReadOnlySpan<int> codePoints, Span<byte> destination)
    {
        for (var i = 0; i < codePoints.Length; i++)
            destination[i] = Fold(codePoints[i]);
        return CollapseSequences(destination[..codePoints.Length]);
    }

    private static byte Fold(int codePoint)
    {
        if (codePoint < 0x80)
            return FoldAscii((byte)codePoint);
        var codePoints = s_codePoints;
        var low = 0;
        var high = codePoints.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            if (codePoints[middle] == codePoint)
                return SkeletonData.Letters[middle];
            if (codePoints[middle] < codePoint)
                low = middle + 1;
            else
                high = middle - 1;
        }
        return Unknown;
    }

    private static byte FoldAscii(byte octet) => octet switch
    {
        >= (byte)'A' and <= (byte)'Z' => (byte)(octet | 0x20),
        (byte)'0' => (byte)'o',
        (byte)'1' => (byte)'l',
        _ => octet,
    };

    private static int CollapseSequences(Span<byte> text)
    {
        var written = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = i + 1 < text.Length ? (text[i], text[i + 1]) : (text[i], (byte)0);
            var folded = pair switch
            {
                ((byte)'r', (byte)'n') or ((byte)'n', (byte)'n') => (byte)'m',
                ((byte)'v', (byte)'v') => (byte)'w',
                ((byte)'c', (byte)'l') => (byte)'d',
                _ => (byte)0,
            };
            if (folded != 0)
                i++;
            text[written++] = folded != 0 ? folded : text[i];
        }
        return written;
    }
}
