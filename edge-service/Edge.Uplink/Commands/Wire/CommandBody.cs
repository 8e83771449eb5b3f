using System.Text.Json;
using System.Text.RegularExpressions;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Topics;

namespace Edge.Uplink.Commands.Wire;

/// <summary>The signed command: <c>{"id","name","agency","sensor","ts","expires"?,"args"?}</c>.
/// <see cref="Args"/> is an object (empty when the body has none), detached from the document.</summary>
public sealed partial record CommandBody(string Id, string Name, string Agency, string Sensor,
    DateTimeOffset Ts, DateTimeOffset? Expires, JsonElement Args)
{
    private static readonly JsonElement EmptyArgs = JsonDocument.Parse("{}").RootElement.Clone();

    public static bool TryRead(byte[] body, int maxDepth, out CommandBody command, out CommandError error)
    {
        command = null!;
        if (!CommandJson.TryParse(body, maxDepth, out var document, out var reason))
            return Fail(out error, CommandError.Malformed("body", "body is not UTF-8 JSON: " + reason));
        using (document)
        {
            var root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Fail(out error, CommandError.Malformed("body", "body is not a JSON object"));
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("id" or "name" or "agency" or "sensor" or "ts" or "expires" or "args"))
                    return Fail(out error, CommandError.Malformed(CommandJson.FieldName(property.Name), "unknown body field"));
            }
            if (!CommandJson.TryGetString(root, "id", out var id) || id is null || !IsCommandId(id))
                return Fail(out error, CommandError.Malformed("id", "id must be 1 to 128 of A-Z, a-z, 0-9, '.', '_', ':', '-'"));
            if (!CommandJson.TryGetString(root, "name", out var name) || name is null || !TopicLayout.IsId(name))
                return Fail(out error, CommandError.Malformed("name", "name must be a command name"));
            if (!CommandJson.TryGetString(root, "agency", out var agency) || agency is null || !TopicLayout.IsId(agency))
                return Fail(out error, CommandError.Malformed("agency", "agency must be an agency id"));
            if (!CommandJson.TryGetString(root, "sensor", out var sensor) || sensor is null || !TopicLayout.IsId(sensor))
                return Fail(out error, CommandError.Malformed("sensor", "sensor must be a sensor id"));
            if (!CommandJson.TryGetString(root, "ts", out var tsText) || tsText is null || !CommandTimestamp.TryParse(tsText, out var ts))
                return Fail(out error, CommandError.Malformed("ts", "ts must be an ISO 8601 UTC time such as 2025-06-01T12:00:00Z"));
            DateTimeOffset? expires = null;
            if (!CommandJson.TryGetString(root, "expires", out var expiresText))
                return Fail(out error, CommandError.Malformed("expires", "expires must be an ISO 8601 UTC time"));
            if (expiresText is not null)
            {
                if (!CommandTimestamp.TryParse(expiresText, out var value))
                    return Fail(out error, CommandError.Malformed("expires", "expires must be an ISO 8601 UTC time"));
                expires = value;
            }
            var args = EmptyArgs;
            if (root.TryGetProperty("args", out var argsElement) && argsElement.ValueKind != JsonValueKind.Null)
            {
                if (argsElement.ValueKind != JsonValueKind.Object)
                    return Fail(out error, CommandError.Malformed("args", "args must be a JSON object"));
                args = argsElement.Clone();
            }
            command = new CommandBody(id, name, agency, sensor, ts, expires, args);
            error = null!;
            return true;
        }
    }

    /// <summary>The id of a body that could not be taken (bad signature, say), when it has a valid
    /// one, so the requester can match the refusal to what it sent; null otherwise.</summary>
    public static string? PeekId(byte[] body, int maxDepth)
    {
        if (!CommandJson.TryParse(body, maxDepth, out var document, out _))
            return null;
        using (document)
        {
            return document!.RootElement.ValueKind == JsonValueKind.Object
                && CommandJson.TryGetString(document.RootElement, "id", out var id) && id is not null && IsCommandId(id)
                ? id
                : null;
        }
    }

    public static bool IsCommandId(string value) => CommandIdPattern().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}\z")]
    private static partial Regex CommandIdPattern();

    private static bool Fail(out CommandError error, CommandError value)
    {
        error = value;
        return false;
    }
}
