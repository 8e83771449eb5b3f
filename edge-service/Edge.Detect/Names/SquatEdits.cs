namespace Edge.Detect.Names;

/// <summary>Names the squat behind one edit of a protected label.</summary>
internal static class SquatEdits
{
    public static SquatKind Classify(EditOp edit, ReadOnlySpan<byte> candidate, ReadOnlySpan<byte> original, int position) => edit switch
    {
        EditOp.Deletion => SquatKind.Omission,
        EditOp.Transposition => SquatKind.Transposition,
        EditOp.Insertion => ClassifyInsertion(candidate, position),
        EditOp.Substitution => ClassifySubstitution(candidate[position], original[position]),
        _ => SquatKind.None,
    };

    private static SquatKind ClassifyInsertion(ReadOnlySpan<byte> candidate, int position)
    {
        var inserted = candidate[position];
        if (inserted == '-')
            return SquatKind.Hyphenation;
        var repeats = (position > 0 && candidate[position - 1] == inserted)
            || (position + 1 < candidate.Length && candidate[position + 1] == inserted);
        return repeats ? SquatKind.Repetition : SquatKind.Insertion;
    }

    private static SquatKind ClassifySubstitution(byte replacement, byte original)
    {
        if ((replacement, original) is ((byte)'0', (byte)'o') or ((byte)'1', (byte)'l') or ((byte)'1', (byte)'i')
            or ((byte)'l', (byte)'i') or ((byte)'i', (byte)'l'))
            return SquatKind.Homoglyph;
        return byte.IsPow2((byte)(replacement ^ original)) ? SquatKind.Bitsquat : SquatKind.Replacement;
    }
}
