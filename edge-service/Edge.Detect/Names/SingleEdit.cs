namespace Edge.Detect.Names;

internal enum EditOp
{
    None = 0,
    Deletion,
    Insertion,
    Substitution,
    Transposition,
}

/// <summary>Damerau-Levenshtein (optimal string alignment) distance exactly 1, found in one linear pass.</summary>
internal static class SingleEdit
{
    /// <summary>The one edit turning <paramref name="original"/> into <paramref name="candidate"/>, at
    /// <paramref name="position"/> in the candidate (for a deletion: where the octet was); None when
    /// the distance is 0 or more than 1.</summary>
    public static EditOp Find(ReadOnlySpan<byte> candidate, ReadOnlySpan<byte> original, out int position)
    {
        position = candidate.CommonPrefixLength(original);
        var i = position;
        switch (candidate.Length - original.Length)
        {
            case 0 when i == candidate.Length:
                return EditOp.None;
            case 0 when candidate[(i + 1)..].SequenceEqual(original[(i + 1)..]):
                return EditOp.Substitution;
            case 0 when i + 1 < candidate.Length && candidate[i] == original[i + 1] && candidate[i + 1] == original[i]
                && candidate[(i + 2)..].SequenceEqual(original[(i + 2)..]):
                return EditOp.Transposition;
            case 1 when candidate[(i + 1)..].SequenceEqual(original[i..]):
                return EditOp.Insertion;
            case -1 when candidate[i..].SequenceEqual(original[(i + 1)..]):
                return EditOp.Deletion;
            default:
                return EditOp.None;
        }
    }
}
