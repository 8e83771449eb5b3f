using System.Text.Json;

namespace Edge.Cli.Collect;

/// <summary>Reads the top-level <c>schema</c> field of a JSON object without deserialising it, so a
/// message of another version or another system is named as such before its fields are judged.</summary>
public static class SchemaProbe
{
    /// <returns>False with the reason when the payload is not a JSON object or has no string <c>schema</c>.</returns>
    public static bool TryRead(ReadOnlySpan<byte> json, out string? schema, out string reason)
    {
        schema = null;
        reason = "";
        if (json.IsEmpty)
            return Fail("empty payload", out reason);
        var reader = new Utf8JsonReader(json);
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
                return Fail($"not a JSON object ({reader.TokenType})", out reason);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSchema = reader.ValueTextEquals("schema"u8);
                reader.Read();
                if (isSchema && schema is null)
                {
                    if (reader.TokenType != JsonTokenType.String)
                        return Fail($"schema is not a string ({reader.TokenType})", out reason);
                    schema = reader.GetString();
                }
                else
                    reader.Skip();
            }
            if (reader.TokenType != JsonTokenType.EndObject)
                return Fail("not JSON: the object does not end", out reason);
            // The deserialiser checks that nothing follows the object.
        }
        catch (JsonException e)
        {
            return Fail("not JSON: " + RejectText.Clean(e.Message), out reason);
        }
        catch (InvalidOperationException e)
        {
            return Fail("not JSON text: " + RejectText.Clean(e.Message), out reason);
        }
        return schema is not null || Fail("no schema field: not an Edge message", out reason);
    }

    private static bool Fail(string text, out string reason)
    {
        reason = text;
        return false;
    }
}
