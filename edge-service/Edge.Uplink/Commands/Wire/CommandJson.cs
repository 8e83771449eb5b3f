using System.Text.Json;

namespace Edge.Uplink.Commands.Wire;

/// <summary>How command JSON is read: bounded depth, no comments or trailing commas, and no
/// duplicate properties (a signed body must mean one thing to every parser).</summary>
internal static class CommandJson
{
    public static JsonDocumentOptions Options(int maxDepth) => new()
    {
        MaxDepth = maxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    public static bool TryParse(ReadOnlyMemory<byte> utf8, int maxDepth, out JsonDocument? document, out string reason)
    {
        try
        {
            document = JsonDocument.Parse(utf8, Options(maxDepth));
            reason = "";
            return true;
        }
        catch (JsonException e)
        {
            document = null;
            reason = e.Message;
            return false;
        }
    }

    public static bool TryGetString(JsonElement element, string name, out string? value)
    {
        value = null;
        if (!element.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
            return true;
        if (property.ValueKind != JsonValueKind.String)
            return false;
        value = property.GetString();
        return true;
    }

    /// <summary>A field name from the input as it may be echoed in an error: at most 64 characters.</summary>
    public static string FieldName(string name) => name.Length <= 64 ? name : name[..64];
}
