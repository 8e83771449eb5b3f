using System.Text.RegularExpressions;
using Edge.Cli.Reports;

namespace Edge.Cli.Tests.Reports;

public sealed class HtmlReportTests
{
    [Fact]
    public void Has_every_section_and_embeds_its_charts_as_png_data()
    {
        var html = HtmlReport.Render(SampleReports.Build());

        foreach (var section in new[] { "<h1>Incident report 2026-H1</h1>", "<h2>How we count</h2>", "<h2>all agencies</h2>",
            "<h2>Agency town-a</h2>", "<h2>Agency town-b</h2>", "<h3>Alerts per week</h3>", "<h3>Top indicators and hosts</h3>",
            "<h3>Sensor availability</h3>", "<h4>Data gaps longer than 10 min</h4>", "<h3>Sensor events</h3>", "<dt>Connections</dt>" })
            Assert.Contains(section, html, StringComparison.Ordinal);
        var images = Regex.Matches(html, "<img [^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
        Assert.Equal(3, images.Count); // all agencies, town-a, town-b
        var png = Convert.FromBase64String(images[0].Groups[1].Value);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public void Is_self_contained_without_script_and_printable()
    {
        var html = Regex.Replace(HtmlReport.Render(SampleReports.Build()), "src=\"data:image/png;base64,[A-Za-z0-9+/=]+\"", "src=\"data:\"");

        Assert.Equal(3, Regex.Count(html, "src=\"data:\""));
        Assert.DoesNotMatch("(?i)<script", html);
        Assert.DoesNotMatch("(?i)(https?:|//[a-z0-9]|url\\()", html);
        Assert.DoesNotMatch("(?i)<(link|iframe|object|embed)\\b", html);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.Contains("a|b*c_&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4", html, StringComparison.Ordinal);
        Assert.Contains("section.agency { break-before: page;", html, StringComparison.Ordinal);
        Assert.Contains("tr, img, .keep { break-inside: avoid;", html, StringComparison.Ordinal);
        Assert.Contains("thead { display: table-header-group; }", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "<section class=\"agency\">"));
    }

    [Fact]
    public void An_agency_without_alerts_says_so_instead_of_an_empty_chart()
    {
        var report = ReportBuilder.Build(new ReportData(), ReportFixtures.H1, "town-z", SampleReports.GeneratedAt, "x.db", 10, TimeSpan.FromMinutes(10));

        var html = HtmlReport.Render(report);

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("No alerts in the period.", html, StringComparison.Ordinal);
        Assert.Contains("No sensor of this agency is known to the store.", html, StringComparison.Ordinal);
    }
}
