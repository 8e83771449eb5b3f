using System.Text.RegularExpressions;

namespace Edge.Cli.SensorCommands;

/// <summary>Alert ids are ULIDs: 26 Crockford base32 digits, the first at most 7; either case is
/// taken, upper case is the canonical form the sensor answers with.</summary>
public static partial class AlertIds
{
    public static bool IsAlertId(string text) => Pattern().IsMatch(text);

    public static string Normalise(string text) => text.ToUpperInvariant();

    [GeneratedRegex(@"^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}\z")]
    private static partial Regex Pattern();
}
