namespace Edge.Cli.Collect;

/// <summary>The alert id: a ULID, 26 Crockford base32 digits in upper case, the first at most 7
/// (128 bits), as <c>edge.alert.v1.schema.json</c> says: <c>^[0-7][0-9A-HJKMNP-TV-Z]{25}$</c>.</summary>
public static class UlidText
{
    public static bool IsValid(string? id)
    {
        if (id is not { Length: 26 } || id[0] is < '0' or > '7')
            return false;
        foreach (var c in id)
        {
            var digit = c is >= '0' and <= '9';
            var letter = c is >= 'A' and <= 'Z' and not ('I' or 'L' or 'O' or 'U');
            if (!digit && !letter)
                return false;
        }
        return true;
    }
}
