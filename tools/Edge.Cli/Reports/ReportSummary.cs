namespace Edge.Cli.Reports;

/// <summary>The header lines and short sentences the formats share.</summary>
public static class ReportSummary
{
    public static IEnumerable<(string Name, string Value)> Lines(ReportHeader h)
    {
        ArgumentNullException.ThrowIfNull(h);
        var offset = h.Period.Offset;
        yield return ("Period", $"{h.Period.Label}: {ReportText.Time(h.Period.From, offset)} to {ReportText.Time(h.Period.To, offset)} (end excluded)");
        yield return ("Agencies", h.AgencyFilter is not null
            ? h.AgencyFilter
            : h.Agencies.Count == 0 ? "all (none had alerts or sensors)" : $"all ({h.Agencies.Count}): {string.Join(", ", h.Agencies)}");
        yield return ("Generated", ReportText.Time(h.GeneratedAt, offset));
        yield return ("Store", h.Store);
        yield return ("Counting", $"alerts by id; connections = one per host, indicator and day; availability from heartbeats; gaps over {ReportText.Length(h.MinGap)} (How we count)");
    }

    public static string SensorEventLine(int count) =>
        count == 0 ? "Sensor events (not violations): none." : $"Sensor events (not violations): {count}, listed under each agency.";

    public static string MoreGaps(SensorAvailability s, int listed)
    {
        ArgumentNullException.ThrowIfNull(s);
        var rest = s.Gaps.Skip(listed).ToList();
        return $"and {rest.Count} more gaps, {ReportText.Length(TimeSpan.FromMilliseconds(rest.Sum(g => g.ToMs - g.FromMs)))} in all";
    }
}
