namespace Edge.Cli.Watch;

/// <summary>The alert severities in rising order (<c>edge.alert/1</c>), and their colours.</summary>
public static class Severities
{
    public static IReadOnlyList<string> All { get; } = ["low", "medium", "high", "critical"];

    /// <summary>0 for low to 3 for critical; -1 for anything else.</summary>
    public static int Rank(string? severity) => severity is null ? -1 : IndexOf(severity);

    public static bool IsKnown(string severity) => IndexOf(severity) >= 0;

    /// <summary>The Spectre.Console style of a severity.</summary>
    public static string Style(string? severity) => Rank(severity) switch
    {
        3 => "bold white on red",
        2 => "bold red",
        1 => "yellow",
        0 => "cyan",
        _ => "grey",
    };

    private static int IndexOf(string severity)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], severity, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }
}
