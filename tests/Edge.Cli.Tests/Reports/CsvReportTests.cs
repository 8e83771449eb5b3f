using Edge.Cli.Reports;

namespace Edge.Cli.Tests.Reports;

public sealed class CsvReportTests
{
    [Fact]
    public void One_row_per_agency_and_category_with_the_period_on_each()
    {
        var lines = CsvReport.Render(SampleReports.Build()).Split('\n');

        Assert.Equal(CsvReport.Header, lines[0]);
        Assert.Equal("", lines[^1]);
        var rows = lines[1..^1];
        Assert.Equal(ReportCategories.Known.Count * 2 + 1, rows.Length); // town-b also has new-thing
        Assert.Contains("2026-01-01T00:00:00+00:00,2026-07-01T00:00:00+00:00,town-a,phishing,5,2,3,4,9", rows);
        Assert.Contains("2026-01-01T00:00:00+00:00,2026-07-01T00:00:00+00:00,town-a,cnc,0,0,0,0,0", rows);
        Assert.Contains("2026-01-01T00:00:00+00:00,2026-07-01T00:00:00+00:00,town-b,new-thing,2,1,1,1,2", rows);
        Assert.DoesNotContain(rows, r => r.Contains(",sensor,", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal(9, r.Split(',').Length));
    }
}
