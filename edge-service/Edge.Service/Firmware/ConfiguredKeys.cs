using System.Text.Json;
using Edge.Uplink.Commands.Signing;

namespace Edge.Service.Firmware;

/// <summary>The <c>Edge:Firmware:TrustedKeys</c> of a configuration file read as plain JSON, for when the
/// file no longer loads as settings but its trust must still hold.</summary>
internal static class ConfiguredKeys
{
    public static bool TryRead(string file, out TrustedKeys keys)
    {
        keys = new TrustedKeys();
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (Child(document.RootElement, "Edge") is not { } edge || Child(edge, "Firmware") is not { } firmware
                || Child(firmware, "TrustedKeys") is not { ValueKind: JsonValueKind.Object } trusted)
                return true;
            foreach (var key in trusted.EnumerateObject())
            {
                if (key.Value.ValueKind == JsonValueKind.String && key.Value.GetString() is { } text
                    && Ed25519KeyText.TryParsePublicKey(text, out var publicKey))
                    keys.Add(key.Name, publicKey);
            }
            return true;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Configuration keys are case-insensitive.</summary>
    private static JsonElement? Child(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                return property.Value;
        }
        return null;
    }
}
