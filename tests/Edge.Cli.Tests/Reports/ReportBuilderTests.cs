using Edge.Cli.Reports;

namespace Edge.Cli.Tests.Reports;

public sealed class ReportBuilderTests
{
    [Fact]
    public void Every_known_category_is_listed_in_the_directives_order_with_unknown_ones_after()
    {
        var report = SampleReports.Build();

        var townB = report.Agencies.Single(a => a.Agency == "town-b");
        Assert.Equal([.. ReportCategories.Known.Select(c => c.Id), "new-thing"], townB.Figures.Select(f => f.Category));
        Assert.Equal(0, townB.Figures.Single(f => f.Category == "cnc").Alerts);
    }

    [Fact]
    public void Agencies_are_those_with_alerts_or_sensors_before_the_end_and_the_province_adds_them_up()
    {
        var report = SampleReports.Build();

        Assert.Equal(["town-a", "town-b"], report.Header.Agencies); // town-c's sensor came after the period
        var phishing = report.Province.Figures.Single(f => f.Category == "phishing");
        Assert.Equal(new CategoryFigures(ReportBuilder.AllAgencies, "phishing", 6, 2, 4, 5, 10), phishing);
        Assert.Equal(1, report.Province.SensorEvents);
    }

    [Fact]
    public void Trend_folds_days_into_weeks_per_category()
    {
        var report = SampleReports.Build();

        var townA = report.Agencies.Single(a => a.Agency == "town-a");
        Assert.Equal(["phishing", "mining"], townA.Trend.Lines.Select(l => l.Category));
        var phishing = townA.Trend.Lines[0].Alerts;
        Assert.Equal(3, phishing[1]); // 10 January is in the week starting 8 January
        Assert.Equal(2, phishing[5]); // 9 February in the week starting 5 February
        Assert.Equal(5, phishing.Sum());
    }

    [Fact]
    public void Availability_runs_from_the_period_start_or_first_sign_to_the_period_end_and_lists_gaps()
    {
        var report = SampleReports.Build();

        var gw1 = report.Agencies.Single(a => a.Agency == "town-a").Sensors.Single();
        Assert.Equal(ReportFixtures.H1.FromMs, gw1.WindowFromMs);
        Assert.Equal(ReportFixtures.H1.ToMs, gw1.WindowToMs);
        Assert.Equal(TimeSpan.FromHours(2), Assert.Single(gw1.Gaps).Length);
        var gw9 = report.Agencies.Single(a => a.Agency == "town-b").Sensors.Single();
        Assert.Equal(100.0, gw9.UptimePercent);
    }

    [Fact]
    public void An_agency_asked_for_is_reported_even_with_nothing_in_the_store()
    {
        var report = ReportBuilder.Build(new ReportData(), ReportFixtures.H1, "town-z", SampleReports.GeneratedAt, "x.db", 10, TimeSpan.FromMinutes(10));

        var only = Assert.Single(report.Agencies);
        Assert.Equal("town-z", only.Agency);
        Assert.All(only.Figures, f => Assert.Equal(0, f.Alerts));
        Assert.True(only.Trend.IsEmpty);
    }
}
