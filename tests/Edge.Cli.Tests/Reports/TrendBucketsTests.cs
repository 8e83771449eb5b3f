using Edge.Cli.Reports;

namespace Edge.Cli.Tests.Reports;

public sealed class TrendBucketsTests
{
    [Fact]
    public void A_half_year_is_cut_in_weeks_from_its_first_day_the_last_one_shorter()
    {
        var buckets = TrendBuckets.For(ReportFixtures.H1);

        Assert.Equal(TrendUnit.Week, TrendBuckets.UnitFor(ReportFixtures.H1));
        Assert.Equal(26, buckets.Count); // 181 days: 25 weeks and 6 days
        Assert.Equal(("2026-01-01", "2026-01-08"), (buckets[0].Label, buckets[1].Label));
        Assert.Equal(ReportFixtures.H1.ToMs, buckets[^1].ToMs);
        Assert.Equal(TimeSpan.FromDays(6), TimeSpan.FromMilliseconds(buckets[^1].ToMs - buckets[^1].FromMs));
        Assert.All(buckets.Zip(buckets.Skip(1)), p => Assert.Equal(p.First.ToMs, p.Second.FromMs));
    }

    [Fact]
    public void A_year_is_cut_in_calendar_months_at_the_offset_and_a_short_range_in_days()
    {
        Assert.True(ReportPeriod.TryParseYear("2026", TimeSpan.FromHours(7), out var year, out _));
        Assert.True(ReportPeriod.TryParseRange("2026-02-01", "2026-02-28", TimeSpan.Zero, out var february, out _));

        var months = TrendBuckets.For(year);
        Assert.Equal(12, months.Count);
        Assert.Equal("2026-02", months[1].Label);
        Assert.Equal(DateTimeOffset.Parse("2026-01-31T17:00:00Z").ToUnixTimeMilliseconds(), months[1].FromMs);
        Assert.Equal(28, TrendBuckets.For(february).Count);
    }

    [Fact]
    public void A_local_day_falls_in_the_bucket_that_holds_its_midnight()
    {
        Assert.True(ReportPeriod.TryParseYear("2026", TimeSpan.FromHours(7), out var year, out _));
        var months = TrendBuckets.For(year);
        // 2026-02-01 at +07:00 is local day number 20485 (days since 1970-01-01 there).
        var day = (long)(new DateTime(2026, 2, 1) - DateTime.UnixEpoch).TotalDays;

        Assert.Equal(1, TrendBuckets.IndexOfDay(months, day, TimeSpan.FromHours(7)));
        Assert.Equal(0, TrendBuckets.IndexOfDay(months, day - 1, TimeSpan.FromHours(7)));
        Assert.Equal(11, TrendBuckets.IndexOfDay(months, day + 340, TimeSpan.FromHours(7)));
    }
}
