using System.Globalization;
using System.Text;

namespace Edge.Cli.Reports;

/// <summary>The figures as one tidy table: a row per agency and category (every known category, zeros
/// included; the sensor's own events are not violations and have no row), the period on every row so
/// files of several periods concatenate. Columns in <see cref="Header"/>; lines end with LF.</summary>
public static class CsvReport
{
    public const string Header = "period_from,period_to,agency,category,alerts,distinct_indicators,affected_hosts,connections,sightings";

    public static string Render(IncidentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var period = report.Header.Period;
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var agency in report.Agencies)
        {
            foreach (var f in agency.Figures)
            {
                csv.Append(ReportText.Instant(period.From)).Append(',').Append(ReportText.Instant(period.To)).Append(',')
                    .Append(Field(agency.Agency)).Append(',').Append(Field(f.Category)).Append(',')
                    .Append(string.Join(',', new[] { f.Alerts, f.Indicators, f.Hosts, f.Connections, f.Sightings }
                        .Select(n => n.ToString(CultureInfo.InvariantCulture))))
                    .Append('\n');
            }
        }
        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting where needed.</summary>
    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
