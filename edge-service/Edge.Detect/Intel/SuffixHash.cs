namespace Edge.Detect.Intel;

/// <summary>FNV-1a over a name's bytes taken right to left, lower-cased, so one backward walk
/// yields the hash of every suffix on the way; <see cref="Finish"/> mixes the bits before use.</summary>
internal static class SuffixHash
{
    public const ulong Seed = 14695981039346656037UL;

    private const ulong Prime = 1099511628211UL;

    public static ulong Step(ulong hash, byte b) => (hash ^ AsciiLower(b)) * Prime;

    public static ulong Finish(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        return hash;
    }

    /// <summary>The finished hash of a whole name (already without its trailing dot).</summary>
    public static ulong Of(ReadOnlySpan<byte> name)
    {
        var hash = Seed;
        for (var i = name.Length - 1; i >= 0; i--)
            hash = Step(hash, name[i]);
        return Finish(hash);
    }

    public static byte AsciiLower(byte b) => (uint)(b - 'A') < 26u ? (byte)(b | 0x20) : b;

    /// <summary>True when <paramref name="input"/> equals <paramref name="stored"/> (lower case)
    /// ignoring ASCII case; other bytes compare exactly.</summary>
    public static bool EqualsLowered(ReadOnlySpan<byte> stored, ReadOnlySpan<byte> input)
    {
        if (stored.Length != input.Length)
            return false;
        for (var i = 0; i < stored.Length; i++)
        {
            if (stored[i] != AsciiLower(input[i]))
                return false;
        }
        return true;
    }
}
