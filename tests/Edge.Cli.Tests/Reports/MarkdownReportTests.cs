using Edge.Cli.Reports;

namespace Edge.Cli.Tests.Reports;

public sealed class MarkdownReportTests
{
    [Fact]
    public void Has_the_header_the_counting_rules_and_every_section_per_agency()
    {
        var md = MarkdownReport.Render(SampleReports.Build());

        Assert.StartsWith("# Incident report 2026-H1\n", md, StringComparison.Ordinal);
        Assert.Contains("| Period | 2026-H1: 2026-01-01 00:00 +00:00 to 2026-07-01 00:00 +00:00 (end excluded) |", md, StringComparison.Ordinal);
        Assert.Contains("| Agencies | all (2): town-a, town-b |", md, StringComparison.Ordinal);
        Assert.Contains("| Generated | 2026-07-02 01:00 +00:00 |", md, StringComparison.Ordinal);
        Assert.Contains("| Store | /var/lib/edge/incident.db |", md, StringComparison.Ordinal);
        Assert.Contains("## How we count", md, StringComparison.Ordinal);
        Assert.Contains("- **Connections**: one per internal host, indicator and day", md, StringComparison.Ordinal);
        Assert.Contains("## all agencies", md, StringComparison.Ordinal);
        Assert.Contains("| Phishing sites | 6 | 2 | 4 | 5 | 10 |", md, StringComparison.Ordinal);
        foreach (var section in new[] { "## Agency town-a", "### Alerts per week", "#### Phishing sites", "### Sensor availability",
            "#### Data gaps longer than 10 min", "### Sensor events", "## Agency town-b" })
            Assert.Contains(section, md, StringComparison.Ordinal);
        Assert.Contains("| 2026-01-08 | 3 | 1 |", md, StringComparison.Ordinal);
        Assert.Contains("| gw-1 | 2026-01-10 00:00 +00:00 | 2026-01-10 02:00 +00:00 | 2 h 0 min |", md, StringComparison.Ordinal);
        Assert.Contains("| 2026-01-10 05:00 +00:00 | gw-1 | high | Firmware update rolled back | 2.1.0 |", md, StringComparison.Ordinal);
        Assert.Contains("| gw-1 | 2026-01-01 00:00 +00:00 | 2026-07-01 00:00 +00:00 | 99.95 % | 1 | 2 h 3 min |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_sensors_cannot_break_a_table_or_become_markup()
    {
        var md = MarkdownReport.Render(SampleReports.Build());

        Assert.Contains(@"| a\|b\*c\_\<script\> | 1 | 1 |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.DoesNotContain("](", md, StringComparison.Ordinal);
    }

    [Fact]
    public void One_agency_has_no_all_agencies_section()
    {
        var md = MarkdownReport.Render(SampleReports.Build("town-b"));

        Assert.DoesNotContain("## all agencies", md, StringComparison.Ordinal);
        Assert.Contains("| Agencies | town-b |", md, StringComparison.Ordinal);
        Assert.Contains("| new-thing | 2 | 1 | 1 | 1 | 2 |", md, StringComparison.Ordinal);
    }
}
