using System.Text.RegularExpressions;

namespace Edge.Uplink.Commands.Arguments;

/// <summary>The forms arguments must have.</summary>
internal static partial class ArgFormats
{
    /// <summary>A ULID (ulid/spec): 26 Crockford base32 digits, the first at most 7 (128 bits).
    /// Case-insensitive, as the spec allows; <see cref="NormaliseUlid"/> gives the canonical upper case.</summary>
    public static bool IsUlid(string value) => UlidPattern().IsMatch(value);

    public static string NormaliseUlid(string value) => value.ToUpperInvariant();

    /// <summary>Lower-case hex of 32 bytes (upper case accepted).</summary>
    public static bool IsSha256(string value) => Sha256Pattern().IsMatch(value);

    /// <summary>An intel list's file name: no folders, no leading dot.</summary>
    public static bool IsListName(string value) => ListNamePattern().IsMatch(value) && !value.Contains("..", StringComparison.Ordinal);

    public static bool IsCategory(string value) => CategoryPattern().IsMatch(value);

    public static bool IsTransferId(string value) => TransferPattern().IsMatch(value);

    /// <summary>A configuration section under <c>Edge</c>: <c>Uplink</c>.</summary>
    public static bool IsConfigSection(string value) => SectionPattern().IsMatch(value);

    /// <summary>A configuration key under <c>Edge</c>: <c>Section:Key</c>, up to four levels.</summary>
    public static bool IsConfigKey(string value) => ConfigKeyPattern().IsMatch(value);

    [GeneratedRegex(@"^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}\z")]
    private static partial Regex UlidPattern();

    [GeneratedRegex(@"^[0-9a-fA-F]{64}\z")]
    private static partial Regex Sha256Pattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,63}\z")]
    private static partial Regex ListNamePattern();

    [GeneratedRegex(@"^[a-z0-9-]{1,32}\z")]
    private static partial Regex CategoryPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}\z")]
    private static partial Regex TransferPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]{0,63}\z")]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]{0,63}(:[A-Za-z][A-Za-z0-9]{0,63}){1,3}\z")]
    private static partial Regex ConfigKeyPattern();
}
