using System.Globalization;

namespace Edge.Cli.Reports;

public enum TrendUnit
{
    Day,
    Week,
    Month,
}

/// <summary>One bar of a trend: [<see cref="FromMs"/>, <see cref="ToMs"/>), labelled by its first day.</summary>
public sealed record TrendBucket(long FromMs, long ToMs, string Label);

/// <summary>How a period is cut for its trend charts: days up to a month, weeks up to a half-year
/// (7-day steps from the period's first day, the last one possibly shorter), calendar months beyond
/// (a year: twelve). Boundaries are midnights at the report's offset.</summary>
public static class TrendBuckets
{
    public static TrendUnit UnitFor(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var days = (period.To - period.From).TotalDays;
        return days <= 31 ? TrendUnit.Day : days <= 190 ? TrendUnit.Week : TrendUnit.Month;
    }

    public static IReadOnlyList<TrendBucket> For(ReportPeriod period)
    {
        var unit = UnitFor(period);
        var buckets = new List<TrendBucket>();
        var start = period.From;
        while (start < period.To)
        {
            var next = unit switch
            {
                TrendUnit.Day => start.Date.AddDays(1),
                TrendUnit.Week => start.Date.AddDays(7),
                _ => new DateTime(start.Year, start.Month, 1).AddMonths(1),
            };
            var end = new DateTimeOffset(next, period.Offset);
            if (end > period.To)
                end = period.To;
            var label = unit == TrendUnit.Month
                ? start.ToString("yyyy-MM", CultureInfo.InvariantCulture)
                : start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            buckets.Add(new TrendBucket(start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds(), label));
            start = end;
        }
        return buckets;
    }

    /// <summary>The bucket holding a local day (days since 1970-01-01 at the period's offset); its start
    /// is clamped to the period, so a day cut by an instant bound still lands in the first bucket.</summary>
    public static int IndexOfDay(IReadOnlyList<TrendBucket> buckets, long day, TimeSpan offset)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var dayStartMs = day * 86_400_000 - (long)offset.TotalMilliseconds;
        int lo = 0, hi = buckets.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (buckets[mid].FromMs <= dayStartMs)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo;
    }
}
