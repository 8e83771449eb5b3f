using System.Globalization;
using System.Text;
using System.Text.Json;
using Edge.Cli.Broker;

namespace Edge.Cli.SensorCommands;

/// <summary>Prints a command's outcome: one line for people (<c>ok: …</c>, <c>refused by …</c>,
/// <c>no answer from …</c>) or one JSON object with the sensor's result inside; and its exit code
/// (0 ok, 1 refused or unanswered).</summary>
public static class SensorCommandReport
{
    public static int Write(SensorCommandOutcome outcome, bool json, string? note, TextWriter output)
    {
        output.WriteLine(json ? Json(outcome, note) : Text(outcome, note));
        return outcome.Ok ? 0 : 1;
    }

    public static string Text(SensorCommandOutcome outcome, string? note)
    {
        var request = outcome.Request;
        var noted = note is null ? "" : $" (note: {note})";
        if (outcome.Answer is not { } answer)
        {
            var expires = request.Expires!.Value.UtcDateTime.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            return $"no answer from {outcome.Target} to {request.Name} within {DurationText.Format(outcome.Waited)} (command {request.Id}): "
                + $"is the sensor online? The command expires at {expires}, so it will not run after that{noted}";
        }
        var result = answer.Result;
        var command = outcome.Exchanges > 1 ? $"command {request.Id}, the last of {outcome.Exchanges}" : $"command {request.Id}";
        if (result.Ok && outcome.Plan is { } plan)
            return plan.Ok ? $"ok: {request.Name} on {outcome.Target} ({command}): {plan.Message}{noted}" : $"failed: {request.Name} on {outcome.Target}: {plan.Message}{noted}";
        if (result.Ok)
        {
            var details = result.Result is { } value ? ": " + value.GetRawText() : "";
            return $"ok: {request.Name} on {outcome.Target} ({command}){details}{noted}";
        }
        var error = result.Error;
        var field = error?.Field is { } f ? $" ({f})" : "";
        return $"refused by {outcome.Target}: {error?.Code ?? "unknown"}{field}: {error?.Message ?? "no reason given"} ({command}){noted}";
    }

    /// <summary><c>{"agency","sensor","command","id","ok","timeout","note","result":{the sensor's cmd-result}}</c>.</summary>
    public static string Json(SensorCommandOutcome outcome, string? note)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("agency", outcome.Target.Agency);
            writer.WriteString("sensor", outcome.Target.Sensor);
            writer.WriteString("command", outcome.Request.Name);
            writer.WriteString("id", outcome.Request.Id);
            writer.WriteBoolean("ok", outcome.Ok);
            writer.WriteBoolean("timeout", outcome.TimedOut);
            if (outcome.TimedOut)
                writer.WriteNumber("waited_seconds", outcome.Waited.TotalSeconds);
            if (outcome.Exchanges > 1)
                writer.WriteNumber("exchanges", outcome.Exchanges);
            if (outcome.Plan is { } plan)
            {
                writer.WriteStartObject("outcome");
                writer.WriteBoolean("ok", plan.Ok);
                writer.WriteString("message", plan.Message);
                writer.WriteEndObject();
            }
            if (note is not null)
                writer.WriteString("note", note);
            writer.WritePropertyName("result");
            if (outcome.Answer is { } answer)
            {
                using var document = JsonDocument.Parse(answer.Payload);
                document.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
