namespace Edge.Watch.Http;

/// <summary>Character classes of RFC 9110 §5.6.2 (tchar) and §5.5 (field values).</summary>
internal static class HttpSyntax
{
    public static bool IsTokenChar(byte c) =>
        (uint)(c - 'a') <= 'z' - 'a' || (uint)(c - 'A') <= 'Z' - 'A' || (uint)(c - '0') <= 9
        || "!#$%&'*+-.^_`|~"u8.Contains(c);

    public static bool IsToken(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
            return false;
        foreach (var c in value)
        {
            if (!IsTokenChar(c))
                return false;
        }
        return true;
    }

    /// <summary>field-value: VCHAR, obs-text, SP and HTAB; no other control bytes.</summary>
    public static bool IsFieldValue(ReadOnlySpan<byte> value)
    {
        foreach (var c in value)
        {
            if ((c < 0x20 && c != '\t') || c == 0x7F)
                return false;
        }
        return true;
    }

    /// <summary>Strips OWS (SP / HTAB), RFC 9110 §5.6.3.</summary>
    public static ReadOnlySpan<byte> TrimOws(ReadOnlySpan<byte> value) => value.Trim(" \t"u8);
}
