using System.Net;
using System.Text;

namespace Edge.Cli.Reports;

/// <summary>The report as one self-contained HTML file meant to be printed as the annex of an
/// official report: charts embedded as PNG data URIs, no script, no external resource (its Content
/// Security Policy forbids both), A4 print rules (each agency on a new page, table rows and small
/// tables never cut, table headers repeated on the next page).</summary>
public static class HtmlReport
{
    private const string Style = """
        @page { size: A4; margin: 16mm 14mm 18mm; @bottom-right { content: "page " counter(page) " of " counter(pages); font-size: 8pt; } }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #000; background: #fff; margin: 0 auto; max-width: 190mm; }
        h1 { font-size: 17pt; margin: 0 0 8pt; }
        h2 { font-size: 14pt; margin: 16pt 0 6pt; border-bottom: 1.5pt solid #000; }
        h3 { font-size: 11.5pt; margin: 12pt 0 4pt; }
        h4 { font-size: 10pt; margin: 8pt 0 3pt; }
        h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
        table { border-collapse: collapse; width: 100%; margin: 2pt 0 6pt; }
        th, td { border: 0.5pt solid #555; padding: 2pt 4pt; text-align: left; vertical-align: top; }
        th { background: #e8e8e8; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        td.v { word-break: break-all; }
        thead { display: table-header-group; }
        tr, img, .keep { break-inside: avoid; page-break-inside: avoid; }
        table.meta th { width: 22%; }
        dl.rules dt { font-weight: bold; margin-top: 3pt; }
        dl.rules dd { margin: 0 0 0 12pt; }
        section.agency { break-before: page; page-break-before: always; }
        .pair { display: flex; gap: 8pt; }
        .pair > table { flex: 1; }
        img.chart { width: 100%; height: auto; }
        p.none { font-style: italic; }
        @media print { body { max-width: none; } th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
        """;

    public static string Render(IncidentReport report, Func<TrendSeries, TrendUnit, byte[]>? chart = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        chart ??= TrendChart.Png;
        var h = report.Header;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n")
            .Append("<title>Incident report ").Append(E(h.Period.Label)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<header>\n<h1>Incident report ").Append(E(h.Period.Label)).Append("</h1>\n<table class=\"meta\">\n");
        foreach (var (name, value) in ReportSummary.Lines(h))
            html.Append("<tr><th>").Append(name).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");
        html.Append("</table>\n</header>\n<section class=\"rules\">\n<h2>How we count</h2>\n<dl class=\"rules\">\n");
        foreach (var (term, rule) in CountingRules.For(h))
            html.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(rule)).Append("</dd>\n");
        html.Append("</dl>\n</section>\n");
        if (report.Agencies.Count > 1)
        {
            html.Append("<section class=\"province\">\n<h2>").Append(E(ReportBuilder.AllAgencies)).Append("</h2>\n");
            Figures(html, report.Province.Figures);
            html.Append("<p>").Append(E(ReportSummary.SensorEventLine(report.Province.SensorEvents))).Append("</p>\n");
            Trend(html, report.Province.Trend, h.Unit, ReportBuilder.AllAgencies, chart);
            html.Append("</section>\n");
        }
        foreach (var agency in report.Agencies)
            Agency(html, agency, h, chart);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Agency(StringBuilder html, AgencyReport agency, ReportHeader h, Func<TrendSeries, TrendUnit, byte[]> chart)
    {
        html.Append("<section class=\"agency\">\n<h2>Agency ").Append(E(agency.Agency)).Append("</h2>\n");
        Figures(html, agency.Figures);
        Trend(html, agency.Trend, h.Unit, agency.Agency, chart);
        html.Append("<h3>Top indicators and hosts</h3>\n");
        if (agency.Tops.Count == 0)
            html.Append("<p class=\"none\">No alerts in the period.</p>\n");
        foreach (var tops in agency.Tops)
        {
            html.Append("<div class=\"keep\">\n<h4>").Append(E(ReportCategories.Title(tops.Category))).Append("</h4>\n<div class=\"pair\">\n");
            Tops(html, tops.Indicators, "Indicator", "Hosts");
            Tops(html, tops.Hosts, "Host", "Indicators");
            html.Append("</div>\n</div>\n");
        }
        Sensors(html, agency, h);
        html.Append("</section>\n");
    }

    private static void Figures(StringBuilder html, IReadOnlyList<CategoryFigures> figures)
    {
        html.Append("<table class=\"keep\">\n<thead><tr><th>Category</th><th class=\"n\">Alerts</th><th class=\"n\">Distinct indicators</th>")
            .Append("<th class=\"n\">Affected hosts</th><th class=\"n\">Connections</th><th class=\"n\">Sightings</th></tr></thead>\n<tbody>\n");
        foreach (var f in figures)
        {
            html.Append("<tr><td>").Append(E(ReportCategories.Title(f.Category))).Append("</td>");
            foreach (var n in new[] { f.Alerts, f.Indicators, f.Hosts, f.Connections, f.Sightings })
                html.Append("<td class=\"n\">").Append(ReportText.Number(n)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static void Trend(StringBuilder html, TrendSeries trend, TrendUnit unit, string who, Func<TrendSeries, TrendUnit, byte[]> chart)
    {
        var title = $"Alerts per {ReportText.UnitName(unit)}";
        html.Append("<div class=\"keep\">\n<h3>").Append(title).Append("</h3>\n");
        if (trend.IsEmpty)
            html.Append("<p class=\"none\">No alerts in the period.</p>\n");
        else
        {
            html.Append("<img class=\"chart\" width=\"").Append(TrendChart.Width).Append("\" height=\"").Append(TrendChart.Height)
                .Append("\" alt=\"").Append(E($"{title}, {who}")).Append("\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(chart(trend, unit))).Append("\">\n");
        }
        html.Append("</div>\n");
    }

    private static void Tops(StringBuilder html, IReadOnlyList<TopEntry> entries, string what, string distinct)
    {
        html.Append("<table>\n<thead><tr><th>").Append(what).Append("</th><th class=\"n\">Alerts</th><th class=\"n\">").Append(distinct).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var e in entries)
        {
            html.Append("<tr><td class=\"v\">").Append(E(e.Value)).Append("</td><td class=\"n\">").Append(ReportText.Number(e.Alerts))
                .Append("</td><td class=\"n\">").Append(ReportText.Number(e.Distinct)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static void Sensors(StringBuilder html, AgencyReport agency, ReportHeader h)
    {
        var offset = h.Period.Offset;
        html.Append("<h3>Sensor availability</h3>\n");
        if (agency.Sensors.Count == 0)
            html.Append("<p class=\"none\">No sensor of this agency is known to the store.</p>\n");
        else
        {
            html.Append("<table>\n<thead><tr><th>Sensor</th><th>Observed from</th><th>Observed to</th><th class=\"n\">Uptime</th>")
                .Append("<th class=\"n\">Gaps</th><th class=\"n\">Silent</th></tr></thead>\n<tbody>\n");
            foreach (var s in agency.Sensors)
            {
                html.Append("<tr><td>").Append(E(s.Sensor)).Append("</td><td>").Append(ReportText.Time(s.WindowFromMs, offset))
                    .Append("</td><td>").Append(ReportText.Time(s.WindowToMs, offset)).Append("</td><td class=\"n\">")
                    .Append(ReportText.Percent(s.UptimePercent)).Append("</td><td class=\"n\">").Append(s.Gaps.Count)
                    .Append("</td><td class=\"n\">").Append(ReportText.Length(TimeSpan.FromMilliseconds(s.WindowMs - s.CoveredMs))).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n<h4>Data gaps longer than ").Append(ReportText.Length(h.MinGap)).Append("</h4>\n");
            var gaps = agency.Sensors.Where(s => s.Gaps.Count > 0).ToList();
            if (gaps.Count == 0)
                html.Append("<p class=\"none\">None.</p>\n");
            else
            {
                html.Append("<table>\n<thead><tr><th>Sensor</th><th>From</th><th>To</th><th class=\"n\">Length</th></tr></thead>\n<tbody>\n");
                foreach (var s in gaps)
                {
                    foreach (var g in s.Gaps.Take(MarkdownReport.GapsListed))
                    {
                        html.Append("<tr><td>").Append(E(s.Sensor)).Append("</td><td>").Append(ReportText.Time(g.FromMs, offset)).Append("</td><td>")
                            .Append(ReportText.Time(g.ToMs, offset)).Append("</td><td class=\"n\">").Append(ReportText.Length(g.Length)).Append("</td></tr>\n");
                    }
                    if (s.Gaps.Count > MarkdownReport.GapsListed)
                        html.Append("<tr><td>").Append(E(s.Sensor)).Append("</td><td colspan=\"3\">").Append(E(ReportSummary.MoreGaps(s, MarkdownReport.GapsListed))).Append("</td></tr>\n");
                }
                html.Append("</tbody>\n</table>\n");
            }
        }
        html.Append("<h3>Sensor events</h3>\n");
        if (agency.SensorEvents.Count == 0)
        {
            html.Append("<p class=\"none\">None.</p>\n");
            return;
        }
        html.Append("<table>\n<thead><tr><th>Time</th><th>Sensor</th><th>Severity</th><th>Event</th><th>Indicator</th></tr></thead>\n<tbody>\n");
        foreach (var e in agency.SensorEvents)
        {
            html.Append("<tr><td>").Append(ReportText.Time(e.AtMs, offset)).Append("</td><td>").Append(E(e.Sensor)).Append("</td><td>").Append(E(e.Severity))
                .Append("</td><td>").Append(E(e.Rule)).Append("</td><td class=\"v\">").Append(E(e.Indicator)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
