namespace Edge.Cli.Collect;

/// <summary>Puts a value from a rejected message into its reason safely: quoted, at most 64
/// characters, control characters and lone surrogates as <c>?</c> (PostgreSQL refuses NUL in text).</summary>
public static class RejectText
{
    private const int MaxLength = 64;

    public static string Quote(string? value)
    {
        if (value is null)
            return "null";
        var cut = value.Length > MaxLength;
        var text = cut ? value[..MaxLength] : value;
        return "'" + Clean(text) + (cut ? "…'" : "'");
    }

    /// <summary>The text with every control character and lone surrogate replaced by <c>?</c>.</summary>
    public static string Clean(string value)
    {
        if (IsStorable(value) && !value.Any(char.IsControl))
            return value;
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsControl(chars[i]) || char.IsSurrogate(chars[i]))
                chars[i] = '?';
        }
        return new string(chars);
    }

    /// <summary>False for text both databases cannot hold as it is: a NUL (PostgreSQL text) or a
    /// lone surrogate (not encodable as UTF-8).</summary>
    public static bool IsStorable(string? value)
    {
        if (value is null)
            return true;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
                return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                    return false;
                i++;
            }
            else if (char.IsLowSurrogate(c))
                return false;
        }
        return true;
    }
}
