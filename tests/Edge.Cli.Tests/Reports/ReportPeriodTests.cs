using Edge.Cli.Reports;

namespace Edge.Cli.Tests.Reports;

public sealed class ReportPeriodTests
{
    private static readonly TimeSpan Hanoi = TimeSpan.FromHours(7);

    [Fact]
    public void H1_runs_from_1_January_to_1_July_excluded_and_H2_on_to_the_next_1_January()
    {
        Assert.True(ReportPeriod.TryParseHalf("2026-H1", TimeSpan.Zero, out var h1, out _));
        Assert.True(ReportPeriod.TryParseHalf("2026-H2", TimeSpan.Zero, out var h2, out _));

        Assert.Equal((DateTimeOffset.Parse("2026-01-01T00:00:00Z"), DateTimeOffset.Parse("2026-07-01T00:00:00Z")), (h1.From, h1.To));
        Assert.Equal((DateTimeOffset.Parse("2026-07-01T00:00:00Z"), DateTimeOffset.Parse("2027-01-01T00:00:00Z")), (h2.From, h2.To));
        Assert.Equal(h1.ToMs, h2.FromMs);
        Assert.Equal("2026-H1", h1.Label);
    }

    [Fact]
    public void A_year_is_1_January_to_the_next_and_bounds_are_midnights_at_the_offset()
    {
        Assert.True(ReportPeriod.TryParseYear("2026", Hanoi, out var year, out _));

        Assert.Equal(DateTimeOffset.Parse("2025-12-31T17:00:00Z"), year.From);
        Assert.Equal(DateTimeOffset.Parse("2026-12-31T17:00:00Z"), year.To);
        Assert.Equal(Hanoi, year.Offset);
    }

    [Fact]
    public void From_and_to_dates_both_count_whole_days_and_instants_are_exact_with_the_end_excluded()
    {
        Assert.True(ReportPeriod.TryParseRange("2026-03-01", "2026-03-31", TimeSpan.Zero, out var days, out _));
        Assert.True(ReportPeriod.TryParseRange("2026-03-01T08:00:00Z", "2026-03-01T16:30:00+07:00", Hanoi, out var instants, out _));
        Assert.True(ReportPeriod.TryParseRange("2026-03-01", "2026-03-01", TimeSpan.Zero, out var oneDay, out _));

        Assert.Equal((DateTimeOffset.Parse("2026-03-01T00:00:00Z"), DateTimeOffset.Parse("2026-04-01T00:00:00Z")), (days.From, days.To));
        Assert.Equal((DateTimeOffset.Parse("2026-03-01T08:00:00Z"), DateTimeOffset.Parse("2026-03-01T09:30:00Z")), (instants.From, instants.To));
        Assert.Equal(TimeSpan.FromDays(1), oneDay.To - oneDay.From);
    }

    [Theory]
    [InlineData("2026-H3")]
    [InlineData("2026-h1")]
    [InlineData("26-H1")]
    [InlineData("1999-H1")]
    public void A_half_that_is_not_YEAR_H1_or_H2_of_a_sane_year_is_refused(string text)
    {
        Assert.False(ReportPeriod.TryParseHalf(text, TimeSpan.Zero, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("2026-07-01", "2026-06-30", "is not before")]
    [InlineData("2026-02-30", "2026-03-01", "neither a date")]
    [InlineData("2026-03-01T08:00:00", "2026-03-02", "neither a date")]
    [InlineData("yesterday", "2026-03-02", "--from 'yesterday'")]
    [InlineData("2026-03-01T10:00:00Z", "2026-03-01T10:00:00Z", "is not before")]
    public void A_range_that_is_empty_reversed_or_unreadable_is_refused_with_the_reason(string from, string to, string reason)
    {
        Assert.False(ReportPeriod.TryParseRange(from, to, TimeSpan.Zero, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+07:00", 420)]
    [InlineData("-03:30", -210)]
    [InlineData("Z", 0)]
    public void Offsets_read_as_written(string text, int minutes)
    {
        Assert.True(ReportPeriod.TryParseOffset(text, out var offset, out _));
        Assert.Equal(TimeSpan.FromMinutes(minutes), offset);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("+15:00")]
    [InlineData("+07:10")]
    public void Odd_offsets_are_refused(string text) => Assert.False(ReportPeriod.TryParseOffset(text, out _, out _));
}
