namespace Edge.Cli.Reports;

/// <summary>What a report says, ready for any format.</summary>
public sealed record IncidentReport(ReportHeader Header, ProvinceReport Province, IReadOnlyList<AgencyReport> Agencies);

/// <param name="AgencyFilter">The agency asked for, or null for all.</param>
/// <param name="Agencies">The agencies in the report: those with alerts in the period or sensors known before its end.</param>
/// <param name="Store">Where the figures come from (a file, or PostgreSQL host and database; never a password).</param>
public sealed record ReportHeader(ReportPeriod Period, string? AgencyFilter, IReadOnlyList<string> Agencies, DateTimeOffset GeneratedAt,
    string Store, int Top, TimeSpan MinGap, TrendUnit Unit);

/// <summary>Alerts per trend bucket for each category that has any, in the directives' order.</summary>
public sealed record TrendSeries(IReadOnlyList<TrendBucket> Buckets, IReadOnlyList<TrendLine> Lines)
{
    public bool IsEmpty => Lines.Count == 0;
}

public sealed record TrendLine(string Category, IReadOnlyList<long> Alerts);

/// <summary>All the report's agencies together: alerts, hosts and connections add up across agencies
/// (a LAN address in two agencies is two machines); indicators are counted distinct across them.</summary>
public sealed record ProvinceReport(IReadOnlyList<CategoryFigures> Figures, TrendSeries Trend, int SensorEvents);

public sealed record AgencyReport(string Agency, IReadOnlyList<CategoryFigures> Figures, IReadOnlyList<CategoryTops> Tops,
    TrendSeries Trend, IReadOnlyList<SensorAvailability> Sensors, IReadOnlyList<SensorEvent> SensorEvents);

/// <summary>The top indicators and hosts of one category (only categories with alerts have them).</summary>
public sealed record CategoryTops(string Category, IReadOnlyList<TopEntry> Indicators, IReadOnlyList<TopEntry> Hosts);
