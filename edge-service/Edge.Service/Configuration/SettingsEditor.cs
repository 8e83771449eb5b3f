using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Edge.Uplink.Commands.Actions;

namespace Edge.Service.Configuration;

/// <summary>Reads and sets settings for the <c>config-get</c> and <c>config-set</c> commands. A new
/// value is checked exactly as a start would check it (the whole configuration bound and validated
/// with it), kept in the overrides file, and takes effect at the next start.</summary>
public sealed class SettingsEditor(string? configFile, SettingsOverrides overrides, EdgeSettings current)
{
    private static readonly string[] s_secretKeys = ["Password", "ClientKeyFile"];

    public EdgeSettings Current { get; private set; } = current;

    /// <summary>The current settings of one section (or all) as JSON, secrets left out; null for an unknown section.</summary>
    public JsonElement? Section(string? section)
    {
        var all = JsonSerializer.SerializeToNode(Current, SettingsJsonContext.Default.EdgeSettings)!.AsObject();
        Redact(all);
        if (section is null)
            return JsonSerializer.SerializeToElement(all, SettingsJsonContext.Default.JsonObject);
        foreach (var (name, value) in all)
        {
            if (string.Equals(name, section, StringComparison.OrdinalIgnoreCase) && value is not null)
                return JsonSerializer.SerializeToElement(value, SettingsJsonContext.Default.JsonNode);
        }
        return null;
    }

    public ConfigSetOutcome Set(string key, string value)
    {
        var section = key.Split(':')[0];
        if (!SettingsOverrides.RemoteSections.Contains(section))
            return ConfigSetOutcome.RefusedKey($"'{section}' cannot be changed remotely (allowed: {string.Join(", ", SettingsOverrides.RemoteSections)})");
        Dictionary<string, string?> next;
        try
        {
            next = overrides.Read();
        }
        catch (ConfigurationException e)
        {
            return ConfigSetOutcome.RefusedValue(e.Message);
        }
        next[key] = value;
        EdgeSettings checkedSettings;
        try
        {
            checkedSettings = EdgeConfiguration.Load(configFile, next);
        }
        catch (ConfigurationException e)
        {
            var named = e.Key.StartsWith($"{EdgeConfiguration.Section}:{key}", StringComparison.OrdinalIgnoreCase);
            return named && !e.Message.Contains("unknown key", StringComparison.Ordinal)
                ? ConfigSetOutcome.RefusedValue(e.Message)
                : ConfigSetOutcome.RefusedKey(e.Message);
        }
        try
        {
            overrides.Write(next);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ConfigSetOutcome.RefusedValue($"the setting is valid but could not be kept: {e.Message}");
        }
        Current = checkedSettings;
        return ConfigSetOutcome.Accepted(restartRequired: true);
    }

    private static void Redact(JsonObject node)
    {
        foreach (var (name, value) in node.ToArray())
        {
            if (value is JsonObject child)
                Redact(child);
            else if (Array.IndexOf(s_secretKeys, name) >= 0 && value is not null)
                node[name] = "(set)";
        }
    }
}

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(EdgeSettings))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class SettingsJsonContext : JsonSerializerContext;
