namespace Edge.Cli.Reports;

/// <summary>The report's "How we count": the same sentences in every format, so a reader of any of
/// them knows what each figure means and a second count from the sensors' logs can match it.</summary>
public static class CountingRules
{
    public static IReadOnlyList<(string Term, string Rule)> For(ReportHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var offset = ReportText.Offset(header.Period.Offset);
        return
        [
            ("Period", $"from its start (included) to its end (excluded), at UTC{offset}. An alert belongs to the period in which the sensor first saw it (its first_seen, the capture time), whatever the time it reached the province."),
            ("Alerts", "one per alert id. A sensor sends an alert again when the broker did not confirm it and once more with the final count when its window closes; all of these carry the same id and count once."),
            ("Distinct indicators", "different indicator values: the site's domain, the address or address:port contacted, the tunnel's zone, the scan's sweep. In the all-agencies table a site reached from two agencies is one indicator."),
            ("Affected hosts", "different internal addresses (the alert's source) per agency. In the all-agencies table the agencies' counts are added: the same private address in two agencies is two machines."),
            ("Connections", $"one per internal host, indicator and day (midnight to midnight at UTC{offset}) on which the sensor saw that host reach that indicator. A machine that opens a phishing site fifty times on Monday and once on Tuesday made 2 connections. This does not depend on how the sensor folds repeats into one alert, and it can be recounted from any sensor's logs."),
            ("Sightings", "the sum of the alerts' counts: every query, handshake or packet the sensors folded into them; given for reference, it grows with how chatty the malware is."),
            ("Sensor events", "alerts of category sensor (such as a firmware update rolled back) are the sensor's own events: listed apart, never counted as violations."),
            ("Availability", $"the share of the sensor's observed time that its heartbeats cover (presence intervals; overlapping ones written by two collectors are merged). Observed time runs from the later of the period's start and the sensor's first sign of life to the earlier of the period's end and the time of this report. A data gap is a silence longer than {ReportText.Length(header.MinGap)}."),
            ("Trend", $"alerts per {ReportText.UnitName(header.Unit)}" + (header.Unit == TrendUnit.Week ? ", in 7-day steps from the period's first day (the last step may be shorter)." : ".")),
            ("Top lists", $"the {header.Top} indicators and hosts with the most alerts in each category; ties in byte order of the name."),
        ];
    }
}
