namespace Edge.Service.StatusPage;

/// <summary>The CSS class names taken from snapshot values: only names the page knows become a class,
/// anything else falls back. The script applies the same lists.</summary>
internal static class StatusClasses
{
    private static readonly string[] s_states = ["booting", "monitoring", "warning", "uplink-down", "alert", "fault", "flashing"];
    private static readonly string[] s_patterns = ["off", "steady", "slowblink", "fastblink", "doubleblink", "heartbeat"];
    private static readonly string[] s_severities = ["critical", "high", "medium", "low", "info"];

    public static string State(string? state) => Pick(s_states, state, "unknown");

    public static string Pattern(string? pattern) => Pick(s_patterns, pattern, "steady");

    public static string Severity(string? severity) => Pick(s_severities, severity, "unknown");

    /// <summary>Whether a lamp colour is lit: <paramref name="lights"/> is the flags text, e.g.
    /// "Amber, Red", "All" or "None"; a pattern of "Off" lights nothing.</summary>
    public static bool Lit(string? lights, string? pattern, string colour)
    {
        if (Pattern(pattern) == "off")
            return false;
        var words = new string((lights ?? "").ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Contains("all") || words.Contains(colour);
    }

    private static string Pick(string[] known, string? value, string fallback)
    {
        var name = new string((value ?? "").ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or '-').ToArray());
        return known.Contains(name) ? name : fallback;
    }
}
