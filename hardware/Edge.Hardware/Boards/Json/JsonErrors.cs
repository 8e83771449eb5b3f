using System.Text.Json;

namespace Edge.Hardware.Boards.Json;

internal static class JsonErrors
{
    private const string WrongType = "could not be converted to ";

    /// <summary>"bad JSON at line 4 ($.leds.green.pin): expected a whole number". The serializer's own
    /// text names .NET types and repeats the position; people editing a profile want neither.</summary>
    public static string Describe(JsonException e)
    {
        var line = e.LineNumber is { } zeroBased ? $" at line {zeroBased + 1}" : "";
        var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" ({e.Path})";
        return $"bad JSON{line}{path}: {Reason(e.Message)}";
    }

    private static string Reason(string message)
    {
        var wrongType = message.IndexOf(WrongType, StringComparison.Ordinal);
        if (wrongType >= 0)
            return "expected " + Expected(message[(wrongType + WrongType.Length)..]);
        foreach (var suffix in (ReadOnlySpan<string>)[" Path: ", " LineNumber: "])
        {
            var cut = message.IndexOf(suffix, StringComparison.Ordinal);
            if (cut >= 0)
                message = message[..cut];
        }
        return message.Trim();
    }

    private static string Expected(string typeName) => typeName switch
    {
        _ when typeName.StartsWith("System.Nullable`1[System.Int32]", StringComparison.Ordinal) => "a whole number",
        _ when typeName.StartsWith("System.Int32", StringComparison.Ordinal) => "a whole number",
        _ when typeName.StartsWith("System.Nullable`1[System.Boolean]", StringComparison.Ordinal) => "true or false",
        _ when typeName.StartsWith("System.String", StringComparison.Ordinal) => "a string in quotes",
        _ when typeName.StartsWith("System.Collections.Generic.List", StringComparison.Ordinal) => "a list [ … ]",
        _ => "an object { … }",
    };
}
