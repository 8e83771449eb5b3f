using System.Text.Json;
using System.Text.Unicode;

namespace Edge.Uplink.Commands.Wire;

/// <summary>How command JSON is read: bounded depth, no comments or trailing commas, and no
/// duplicate properties (a signed body must mean one thing to every parser), and every string and
/// property name valid text: UTF-8 throughout, no lone surrogates escaped as <c>\ud800</c>.</summary>
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
        document = null;
        if (!Utf8.IsValid(utf8.Span))
        {
            reason = "not UTF-8 text";
            return false;
        }
        try
        {
            document = JsonDocument.Parse(utf8, Options(maxDepth));
        }
        catch (JsonException e)
        {
            reason = e.Message;
            return false;
        }
        catch (InvalidOperationException)
        {
            // The duplicate-property check unescapes names and throws on a lone surrogate (.NET 10).
            reason = "a property name holds an escaped lone surrogate";
            return false;
        }
        if (!IsText(document.RootElement))
        {
            document.Dispose();
            document = null;
            reason = "a string holds an escaped lone surrogate";
            return false;
        }
        reason = "";
        return true;
    }

    // Strings are read (and so checked) here once, so no later GetString can throw. Depth is
    // bounded by the parse's MaxDepth.
    private static bool IsText(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        if (!IsText(property.Value))
                            return false;
                    }
                    return true;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (!IsText(item))
                            return false;
                    }
                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
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
