namespace Edge.Detect.Intel;

/// <summary>Up to eight whitespace-separated fields of one line, as ranges (no copies).</summary>
internal ref struct LineTokens
{
    public const int Max = 8;

    private readonly Span<Range> _ranges;
    private readonly ReadOnlySpan<byte> _line;

    public LineTokens(ReadOnlySpan<byte> line, Span<Range> ranges)
    {
        _line = line;
        _ranges = ranges;
        Count = 0;
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && IsSpace(line[i]))
                i++;
            if (i == line.Length)
                break;
            var start = i;
            while (i < line.Length && !IsSpace(line[i]))
                i++;
            if (Count == Max)
            {
                Truncated = true;
                break;
            }
            _ranges[Count++] = new Range(start, i);
        }
    }

    public int Count { get; }

    /// <summary>More fields followed than <see cref="Max"/>.</summary>
    public bool Truncated { get; }

    public readonly ReadOnlySpan<byte> this[int index] => _line[_ranges[index]];

    public static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\v' or (byte)'\f';
}
