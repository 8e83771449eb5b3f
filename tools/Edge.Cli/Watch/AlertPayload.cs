using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Edge.Uplink.Messages;

namespace Edge.Cli.Watch;

/// <summary>Reads an <c>edge.alert/1</c> payload; anything else is a reason, never an exception.</summary>
public static class AlertPayload
{
    public static bool TryParse(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out AlertMessage? alert, [NotNullWhen(false)] out string? reason)
    {
        alert = null;
        try
        {
            alert = JsonSerializer.Deserialize(payload, UplinkJsonContext.Default.AlertMessage);
        }
        catch (JsonException e)
        {
            reason = "not an edge.alert/1 JSON object: " + FirstLine(e.Message);
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            reason = "unreadable: " + FirstLine(e.Message);
            return false;
        }
        if (alert is null)
        {
            reason = "payload is JSON null";
            return false;
        }
        if (alert.Schema != AlertMessage.SchemaName)
        {
            reason = $"schema '{alert.Schema}', not {AlertMessage.SchemaName}";
            alert = null;
            return false;
        }
        // The generated reader lets an explicit null through where the type says non-null.
        if (alert.Id is null || alert.Agency is null || alert.Sensor is null || alert.Category is null || alert.Severity is null
            || alert.Rule?.Id is null || alert.Indicator is null || alert.Evidence is null || alert.FirstSeen is null)
        {
            reason = "a required field is null";
            alert = null;
            return false;
        }
        reason = null;
        return true;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
