using System.Text;
using System.Text.Json;
using Edge.Cli.Watch;

namespace Edge.Cli.Tests.Watch;

public sealed class JsonWatchOutputTests
{
    [Fact]
    public void Each_alert_is_its_payload_on_one_line_without_colour()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var json = new JsonWatchOutput(output, error);
        var alert = WatchFixtures.Alert(severity: "critical");

        json.Alert(alert, WatchFixtures.Payload(alert));
        json.Alert(alert, WatchFixtures.Payload(alert));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(Encoding.UTF8.GetString(WatchFixtures.Payload(alert)), lines[0]);
        Assert.DoesNotContain("\u001b", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(error.ToString());
    }

    [Fact]
    public void A_payload_spread_over_lines_is_written_compactly_keeping_every_field()
    {
        var pretty = Encoding.UTF8.GetBytes("{\n  \"schema\": \"edge.alert/1\",\n  \"extra\": [1, 2]\n}");

        var line = JsonWatchOutput.OneLine(pretty);

        Assert.Equal("{\"schema\":\"edge.alert/1\",\"extra\":[1,2]}", line);
    }

    [Fact]
    public void Unreadable_messages_stay_off_stdout_and_are_counted_on_stderr()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var json = new JsonWatchOutput(output, error);

        json.Unreadable("edge/v1/a/s/alert/cnc", "not JSON");
        json.Unreadable("edge/v1/a/s/alert/cnc", "not JSON");
        json.Finish();

        Assert.Empty(output.ToString());
        Assert.Equal(2, json.Skipped);
        Assert.Contains("skipped 2 message(s)", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("2 message(s) skipped in all", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_line_parses_as_json()
    {
        var output = new StringWriter();
        var json = new JsonWatchOutput(output, TextWriter.Null);
        foreach (var category in new[] { "cnc", "phishing", "mining" })
        {
            var alert = WatchFixtures.Alert(category: category);
            json.Alert(alert, WatchFixtures.Payload(alert));
        }

        foreach (var line in output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            Assert.Equal("edge.alert/1", document.RootElement.GetProperty("schema").GetString());
        }
    }
}
