using Edge.Cli.Watch;
using Edge.Uplink.Messages;
using Spectre.Console;

namespace Edge.Cli.Tests.Watch;

public sealed class AlertLineTests
{
    [Fact]
    public void One_line_has_time_sensor_severity_category_indicator_flow_rule_and_evidence_in_that_order()
    {
        var line = AlertLine.Plain(WatchFixtures.Alert());

        Assert.DoesNotContain('\n', line);
        string[] parts = ["2026-11-02 08:00:04Z", "town-a/gw-1", "HIGH", "cnc", "update-sync-cdn.example", "10.77.0.51:35726 → 192.0.2.53:53 UDP",
            "Lookup of a listed name (edge.intel.dns)", "listed as cnc (list domains.txt)"];
        var at = 0;
        foreach (var part in parts)
        {
            var found = line.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= at, $"'{part}' missing or out of order in: {line}");
            at = found + part.Length;
        }
    }

    [Theory]
    [InlineData("critical", "bold white on red")]
    [InlineData("high", "bold red")]
    [InlineData("medium", "yellow")]
    [InlineData("low", "cyan")]
    public void The_severity_and_category_are_coloured_by_severity(string severity, string style)
    {
        var markup = AlertLine.Markup(WatchFixtures.Alert(severity: severity));

        Assert.Contains($"[{style}]{severity.ToUpperInvariant()}", markup, StringComparison.Ordinal);
        Assert.Contains($"[{style}]cnc", markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Brackets_in_sensor_text_are_escaped_so_the_markup_still_renders()
    {
        var alert = WatchFixtures.Alert(evidence: "query [bold]x[/] for [red] with [[ and ]]");
        var output = new StringWriter();

        SpectreConsoles.For(output).MarkupLine(AlertLine.Markup(alert));

        Assert.Contains("query [bold]x[/] for [red] with [[ and ]]", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IPv6_endpoints_are_bracketed_a_missing_destination_left_out_and_counts_shown()
    {
        var alert = WatchFixtures.Alert(src: new AlertEndpoint("2001:db8:77::5", 50000), count: 7, update: true);
        var sweep = new AlertMessage
        {
            Id = alert.Id, Ts = alert.Ts, FirstSeen = alert.FirstSeen, LastSeen = alert.LastSeen, Count = 1, Agency = "a", Sensor = "s",
            Category = "scan", Severity = "medium", Rule = alert.Rule, Indicator = "tcp-scan", Kind = "scan",
            Src = new AlertEndpoint("10.77.0.45", null), Proto = "TCP", Evidence = "a sweep",
        };

        Assert.Contains("[2001:db8:77::5]:50000 → 192.0.2.53:53 UDP", AlertLine.Plain(alert), StringComparison.Ordinal);
        Assert.Contains("×7 (final count)", AlertLine.Plain(alert), StringComparison.Ordinal);
        Assert.Contains("  10.77.0.45 TCP  ", AlertLine.Plain(sweep), StringComparison.Ordinal);
        Assert.DoesNotContain("→", AlertLine.Plain(sweep), StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_colour_terminal_the_line_carries_colours_and_in_a_pipe_none()
    {
        var terminal = new StringWriter();
        var colour = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(terminal), Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.TrueColor,
        });
        colour.MarkupLine(AlertLine.Markup(WatchFixtures.Alert()));
        var pipe = new StringWriter();
        SpectreConsoles.For(pipe).MarkupLine(AlertLine.Markup(WatchFixtures.Alert(evidence: new string('e', 300))));

        Assert.Contains("\u001b[", terminal.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", pipe.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, pipe.ToString().Count(c => c == '\n'));
    }
}
