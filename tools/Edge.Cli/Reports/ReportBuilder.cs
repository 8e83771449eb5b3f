namespace Edge.Cli.Reports;

/// <summary>Shapes the store's answers into a report: every known category listed (zeros included),
/// days folded into the trend's buckets, availability worked out per sensor. Sorted by byte order
/// everywhere so the same data gives the same bytes whichever database held it.</summary>
public static class ReportBuilder
{
    public const string AllAgencies = "all agencies";

    public static IncidentReport Build(ReportData data, ReportPeriod period, string? agencyFilter, DateTimeOffset generatedAt,
        string store, int top, TimeSpan minGap)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(period);
        var agencies = Agencies(data, period, agencyFilter);
        var buckets = TrendBuckets.For(period);
        var header = new ReportHeader(period, agencyFilter, agencies, generatedAt, store, top, minGap, TrendBuckets.UnitFor(period));
        var lookups = new Lookups(data);
        var sections = agencies.Select(a => BuildAgency(data, lookups, a, period, buckets, generatedAt, minGap)).ToList();
        var province = new ProvinceReport(ProvinceFigures(data, sections), Trend(data.Days, period, buckets), data.SensorEvents.Count);
        return new IncidentReport(header, province, sections);
    }

    private static List<string> Agencies(ReportData data, ReportPeriod period, string? filter)
    {
        if (filter is not null)
            return [filter];
        var names = new SortedSet<string>(StringComparer.Ordinal);
        names.UnionWith(data.Figures.Select(f => f.Agency));
        names.UnionWith(data.SensorEvents.Select(e => e.Agency));
        names.UnionWith(data.Sensors.Where(s => s.FirstKnownMs < period.ToMs).Select(s => s.Agency));
        return [.. names];
    }

    private static AgencyReport BuildAgency(ReportData data, Lookups lookups, string agency, ReportPeriod period, IReadOnlyList<TrendBucket> buckets,
        DateTimeOffset generatedAt, TimeSpan minGap)
    {
        var figures = AllCategories(data.Figures.Where(f => f.Agency == agency), agency);
        var tops = figures.Where(f => f.Alerts > 0).Select(f => new CategoryTops(f.Category,
            Ranked(data.TopIndicators, agency, f.Category), Ranked(data.TopHosts, agency, f.Category))).ToList();
        var trend = Trend(lookups.Days[agency], period, buckets);
        var windowEnd = Math.Min(period.ToMs, generatedAt.ToUnixTimeMilliseconds());
        var sensors = data.Sensors.Where(s => s.Agency == agency && s.FirstKnownMs < period.ToMs)
            .OrderBy(s => s.Sensor, StringComparer.Ordinal)
            .Select(s => SensorAvailability.Compute(agency, s.Sensor,
                lookups.Presence[(agency, s.Sensor)].Select(p => (p.StartMs, p.EndMs)),
                Math.Max(period.FromMs, s.FirstKnownMs), windowEnd, minGap))
            .ToList();
        var events = data.SensorEvents.Where(e => e.Agency == agency).ToList();
        return new AgencyReport(agency, figures, tops, trend, sensors, events);
    }

    /// <summary>Every known category (zeros where there was nothing), then unknown ones that occurred.</summary>
    private static List<CategoryFigures> AllCategories(IEnumerable<CategoryFigures> figures, string agency)
    {
        var byCategory = figures.ToDictionary(f => f.Category, StringComparer.Ordinal);
        foreach (var (id, _) in ReportCategories.Known)
            byCategory.TryAdd(id, new CategoryFigures(agency, id, 0, 0, 0, 0, 0));
        return [.. byCategory.Values.OrderBy(f => f.Category, ReportCategories.Comparer)];
    }

    private static List<CategoryFigures> ProvinceFigures(ReportData data, List<AgencyReport> sections) =>
    [
        .. sections.SelectMany(s => s.Figures)
            .GroupBy(f => f.Category, StringComparer.Ordinal)
            .Select(g => new CategoryFigures(AllAgencies, g.Key, g.Sum(f => f.Alerts), data.ProvinceIndicators.GetValueOrDefault(g.Key),
                g.Sum(f => f.Hosts), g.Sum(f => f.Connections), g.Sum(f => f.Sightings)))
            .OrderBy(f => f.Category, ReportCategories.Comparer),
    ];

    private static List<TopEntry> Ranked(List<TopEntry> entries, string agency, string category) =>
    [
        .. entries.Where(e => e.Agency == agency && e.Category == category)
            .OrderByDescending(e => e.Alerts).ThenBy(e => e.Value, StringComparer.Ordinal),
    ];

    private static TrendSeries Trend(IEnumerable<DayCount> days, ReportPeriod period, IReadOnlyList<TrendBucket> buckets)
    {
        var lines = new SortedDictionary<string, long[]>(ReportCategories.Comparer);
        foreach (var day in days)
        {
            if (!lines.TryGetValue(day.Category, out var counts))
                lines[day.Category] = counts = new long[buckets.Count];
            counts[TrendBuckets.IndexOfDay(buckets, day.Day, period.Offset)] += day.Alerts;
        }
        return new TrendSeries(buckets, [.. lines.Select(l => new TrendLine(l.Key, l.Value))]);
    }

    private sealed class Lookups(ReportData data)
    {
        public ILookup<string, DayCount> Days { get; } = data.Days.ToLookup(d => d.Agency, StringComparer.Ordinal);

        public ILookup<(string, string), PresenceInterval> Presence { get; } = data.Presence.ToLookup(p => (p.Agency, p.Sensor));
    }
}
