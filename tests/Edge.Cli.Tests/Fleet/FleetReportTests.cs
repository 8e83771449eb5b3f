using System.Text.Json;
using Edge.Cli.Fleet;

namespace Edge.Cli.Tests.Fleet;

public sealed class FleetReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<FleetRow> Rows() => new FleetRules(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)).Evaluate(
    [
        new SensorState("town-a", "gw-1") { Online = true, Version = "2.1.0+abc", HeartbeatAt = Now.AddSeconds(-30), OutboxDepth = 3, State = "monitoring" },
        new SensorState("town-a", "gw-2") { Online = true, HeartbeatAt = Now.AddMinutes(-9) },
        new SensorState("town-b", "gw-1") { Online = false, StatusAt = Now.AddMinutes(-1) },
    ], Now);

    [Fact]
    public void The_json_has_counts_and_every_sensor_in_snake_case_with_text_unescaped()
    {
        var json = FleetReport.From(Rows(), Now, TimeSpan.FromMinutes(5), ["store"]).ToJson();

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("2026-06-01T12:00:00.000Z", root.GetProperty("generated_at").GetString());
        Assert.Equal(300, root.GetProperty("silent_after_seconds").GetDouble());
        Assert.Equal((1, 1, 1), (root.GetProperty("counts").GetProperty("online").GetInt32(), root.GetProperty("counts").GetProperty("silent").GetInt32(),
            root.GetProperty("counts").GetProperty("offline").GetInt32()));
        var first = root.GetProperty("sensors")[0];
        Assert.Equal(("online", 30.0, 3), (first.GetProperty("health").GetString(), first.GetProperty("heartbeat_age_seconds").GetDouble(), first.GetProperty("outbox_depth").GetInt32()));
        Assert.Contains("\"version\":\"2.1.0+abc\"", json, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("sensors")[2].GetProperty("heartbeat").ValueKind);
        Assert.DoesNotContain('\n', json);
    }

    [Fact]
    public void The_table_names_each_sensor_its_verdict_and_a_summary_without_colour_in_a_pipe()
    {
        var output = new StringWriter();

        FleetTable.Write(Edge.Cli.Watch.SpectreConsoles.For(output), Rows(), "test");

        var text = output.ToString();
        Assert.Contains("town-a/gw-2", text, StringComparison.Ordinal);
        Assert.Contains("no heartbeat for 9m", text, StringComparison.Ordinal);
        Assert.Contains("LEDs: monitoring", text, StringComparison.Ordinal);
        Assert.Contains("3 sensor(s): 1 online, 1 silent, 1 offline (from test)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_note_is_empty_for_a_plain_online_sensor_and_gives_the_reason_otherwise()
    {
        var rows = Rows();

        Assert.Equal("LEDs: monitoring", FleetTable.Note(rows[0]));
        Assert.Equal("no heartbeat for 9m", FleetTable.Note(rows[1]));
        Assert.Equal("offline (Last Will or clean stop)", FleetTable.Note(rows[2]));
    }
}
