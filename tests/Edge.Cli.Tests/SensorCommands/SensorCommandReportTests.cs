using System.Text;
using System.Text.Json;
using Edge.Cli.SensorCommands;
using Edge.Uplink.Commands.Wire;

namespace Edge.Cli.Tests.SensorCommands;

public sealed class SensorCommandReportTests
{
    private static readonly SensorAddress Target = new("town-a", "gw-1");
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly CommandRequest Request = new("c-1", "ack", "town-a", "gw-1", Now) { Expires = Now.AddSeconds(30) };

    private static SensorCommandOutcome Outcome(string? result)
    {
        CommandAnswer? answer = null;
        if (result is not null)
        {
            var payload = Encoding.UTF8.GetBytes(result);
            Assert.True(CommandExchange.TryRead(payload, out var read));
            answer = new CommandAnswer(read, payload);
        }
        return new SensorCommandOutcome(Target, Request, answer, TimeSpan.FromSeconds(30));
    }

    private const string Ok = """{"schema":"edge.cmd-result/1","id":"c-1","name":"ack","ok":true,"result":{"alert_id":"01JX0000000000000000000ACK"},"ts":"2026-06-01T12:00:00.412Z"}""";
    private const string Refused = """{"schema":"edge.cmd-result/1","id":"c-1","name":"ack","ok":false,"error":{"code":"not_found","field":"args.alert_id","message":"no alert 01JX is known"},"ts":"2026-06-01T12:00:00.412Z"}""";

    [Fact]
    public void Ok_refused_and_unanswered_each_read_as_one_line_with_exit_0_1_1()
    {
        var output = new StringWriter();

        Assert.Equal(0, SensorCommandReport.Write(Outcome(Ok), false, "handled", output));
        Assert.Equal(1, SensorCommandReport.Write(Outcome(Refused), false, null, output));
        Assert.Equal(1, SensorCommandReport.Write(Outcome(null), false, null, output));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ok: ack on town-a/gw-1 (command c-1): {\"alert_id\":\"01JX0000000000000000000ACK\"} (note: handled)", lines[0]);
        Assert.Equal("refused by town-a/gw-1: not_found (args.alert_id): no alert 01JX is known (command c-1)", lines[1]);
        Assert.Equal("no answer from town-a/gw-1 to ack within 30s (command c-1): is the sensor online? The command expires at 12:00:30Z, so it will not run after that", lines[2]);
    }

    [Fact]
    public void The_json_wraps_the_sensors_result_as_received_and_says_timeout_plainly()
    {
        using var ok = JsonDocument.Parse(SensorCommandReport.Json(Outcome(Ok), "handled"));
        using var timeout = JsonDocument.Parse(SensorCommandReport.Json(Outcome(null), null));

        Assert.Equal(("town-a", "gw-1", "ack", "c-1", true, false, "handled"), (ok.RootElement.GetProperty("agency").GetString(),
            ok.RootElement.GetProperty("sensor").GetString(), ok.RootElement.GetProperty("command").GetString(), ok.RootElement.GetProperty("id").GetString(),
            ok.RootElement.GetProperty("ok").GetBoolean(), ok.RootElement.GetProperty("timeout").GetBoolean(), ok.RootElement.GetProperty("note").GetString()));
        Assert.Equal("01JX0000000000000000000ACK", ok.RootElement.GetProperty("result").GetProperty("result").GetProperty("alert_id").GetString());
        Assert.True(timeout.RootElement.GetProperty("timeout").GetBoolean());
        Assert.Equal(JsonValueKind.Null, timeout.RootElement.GetProperty("result").ValueKind);
        Assert.Equal(30, timeout.RootElement.GetProperty("waited_seconds").GetDouble());
    }
}
