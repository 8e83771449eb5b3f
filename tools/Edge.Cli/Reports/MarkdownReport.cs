using System.Text;

namespace Edge.Cli.Reports;

/// <summary>The report as Markdown: the same sections as the HTML, with the trends as tables; it
/// references nothing outside itself.</summary>
public static class MarkdownReport
{
    /// <summary>Data gaps listed per sensor at most; the rest are counted.</summary>
    public const int GapsListed = 20;

    public static string Render(IncidentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var h = report.Header;
        var md = new StringBuilder();
        md.Append("# Incident report ").Append(Escape(h.Period.Label)).Append("\n\n");
        md.Append("| | |\n|---|---|\n");
        foreach (var (name, value) in ReportSummary.Lines(h))
            md.Append("| ").Append(name).Append(" | ").Append(Escape(value)).Append(" |\n");
        md.Append("\n## How we count\n\n");
        foreach (var (term, rule) in CountingRules.For(h))
            md.Append("- **").Append(term).Append("**: ").Append(rule).Append('\n');
        if (report.Agencies.Count > 1)
        {
            md.Append("\n## ").Append(ReportBuilder.AllAgencies).Append("\n\n");
            Figures(md, report.Province.Figures);
            md.Append('\n').Append(ReportSummary.SensorEventLine(report.Province.SensorEvents)).Append('\n');
            Trend(md, report.Province.Trend, h.Unit);
        }
        foreach (var agency in report.Agencies)
            Agency(md, agency, h);
        return md.ToString();
    }

    private static void Agency(StringBuilder md, AgencyReport agency, ReportHeader h)
    {
        md.Append("\n## Agency ").Append(Escape(agency.Agency)).Append("\n\n");
        Figures(md, agency.Figures);
        Trend(md, agency.Trend, h.Unit);
        md.Append("\n### Top indicators and hosts\n");
        if (agency.Tops.Count == 0)
            md.Append("\nNo alerts in the period.\n");
        foreach (var tops in agency.Tops)
        {
            md.Append("\n#### ").Append(Escape(ReportCategories.Title(tops.Category))).Append("\n\n");
            md.Append("| Indicator | Alerts | Hosts |\n|---|--:|--:|\n");
            foreach (var e in tops.Indicators)
                md.Append("| ").Append(Escape(e.Value)).Append(" | ").Append(ReportText.Number(e.Alerts)).Append(" | ").Append(ReportText.Number(e.Distinct)).Append(" |\n");
            md.Append("\n| Host | Alerts | Indicators |\n|---|--:|--:|\n");
            foreach (var e in tops.Hosts)
                md.Append("| ").Append(Escape(e.Value)).Append(" | ").Append(ReportText.Number(e.Alerts)).Append(" | ").Append(ReportText.Number(e.Distinct)).Append(" |\n");
        }
        Sensors(md, agency, h);
    }

    private static void Figures(StringBuilder md, IReadOnlyList<CategoryFigures> figures)
    {
        md.Append("| Category | Alerts | Distinct indicators | Affected hosts | Connections | Sightings |\n|---|--:|--:|--:|--:|--:|\n");
        foreach (var f in figures)
        {
            md.Append("| ").Append(Escape(ReportCategories.Title(f.Category))).Append(" | ").Append(ReportText.Number(f.Alerts))
                .Append(" | ").Append(ReportText.Number(f.Indicators)).Append(" | ").Append(ReportText.Number(f.Hosts))
                .Append(" | ").Append(ReportText.Number(f.Connections)).Append(" | ").Append(ReportText.Number(f.Sightings)).Append(" |\n");
        }
    }

    private static void Trend(StringBuilder md, TrendSeries trend, TrendUnit unit)
    {
        md.Append("\n### Alerts per ").Append(ReportText.UnitName(unit)).Append("\n\n");
        if (trend.IsEmpty)
        {
            md.Append("No alerts in the period.\n");
            return;
        }
        md.Append("| ").Append(unit == TrendUnit.Week ? "Week starting" : unit == TrendUnit.Day ? "Day" : "Month");
        foreach (var line in trend.Lines)
            md.Append(" | ").Append(Escape(ReportCategories.Title(line.Category)));
        md.Append(" |\n|---").Append(string.Concat(Enumerable.Repeat("|--:", trend.Lines.Count))).Append("|\n");
        for (var i = 0; i < trend.Buckets.Count; i++)
        {
            md.Append("| ").Append(trend.Buckets[i].Label);
            foreach (var line in trend.Lines)
                md.Append(" | ").Append(ReportText.Number(line.Alerts[i]));
            md.Append(" |\n");
        }
    }

    private static void Sensors(StringBuilder md, AgencyReport agency, ReportHeader h)
    {
        var offset = h.Period.Offset;
        md.Append("\n### Sensor availability\n\n");
        if (agency.Sensors.Count == 0)
            md.Append("No sensor of this agency is known to the store.\n");
        else
        {
            md.Append("| Sensor | Observed from | Observed to | Uptime | Gaps | Silent |\n|---|---|---|--:|--:|--:|\n");
            foreach (var s in agency.Sensors)
            {
                md.Append("| ").Append(Escape(s.Sensor)).Append(" | ").Append(ReportText.Time(s.WindowFromMs, offset)).Append(" | ")
                    .Append(ReportText.Time(s.WindowToMs, offset)).Append(" | ").Append(ReportText.Percent(s.UptimePercent)).Append(" | ")
                    .Append(s.Gaps.Count).Append(" | ").Append(ReportText.Length(TimeSpan.FromMilliseconds(s.WindowMs - s.CoveredMs))).Append(" |\n");
            }
            var gaps = agency.Sensors.Where(s => s.Gaps.Count > 0).ToList();
            md.Append("\n#### Data gaps longer than ").Append(ReportText.Length(h.MinGap)).Append("\n\n");
            if (gaps.Count == 0)
                md.Append("None.\n");
            else
            {
                md.Append("| Sensor | From | To | Length |\n|---|---|---|--:|\n");
                foreach (var s in gaps)
                {
                    foreach (var g in s.Gaps.Take(GapsListed))
                    {
                        md.Append("| ").Append(Escape(s.Sensor)).Append(" | ").Append(ReportText.Time(g.FromMs, offset)).Append(" | ")
                            .Append(ReportText.Time(g.ToMs, offset)).Append(" | ").Append(ReportText.Length(g.Length)).Append(" |\n");
                    }
                    if (s.Gaps.Count > GapsListed)
                        md.Append("| ").Append(Escape(s.Sensor)).Append(" | ").Append(ReportSummary.MoreGaps(s, GapsListed)).Append(" | | |\n");
                }
            }
        }
        md.Append("\n### Sensor events\n\n");
        if (agency.SensorEvents.Count == 0)
        {
            md.Append("None.\n");
            return;
        }
        md.Append("| Time | Sensor | Severity | Event | Indicator |\n|---|---|---|---|---|\n");
        foreach (var e in agency.SensorEvents)
        {
            md.Append("| ").Append(ReportText.Time(e.AtMs, offset)).Append(" | ").Append(Escape(e.Sensor)).Append(" | ").Append(Escape(e.Severity))
                .Append(" | ").Append(Escape(e.Rule)).Append(" | ").Append(Escape(e.Indicator)).Append(" |\n");
        }
    }

    /// <summary>Text from sensors is data: nothing in it may become Markdown (a link, a table cell, emphasis, HTML).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|')
                escaped.Append('\\').Append(c);
            else
                escaped.Append(char.IsControl(c) ? ' ' : c);
        }
        return escaped.ToString();
    }
}
