using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Service.Configuration;

/// <summary>Keys set by a signed <c>config-set</c> command (<c>Detection:DgaBurst</c> → <c>12</c>), kept
/// as one small JSON file in the state folder so they survive restarts and updates. Written to a
/// temporary file and renamed, so a power cut leaves the old or the new file, never half of one.</summary>
public sealed class SettingsOverrides(string path)
{
    /// <summary>Sections a remote command may change; the uplink, command keys and sensor identity
    /// may only be changed on the sensor itself.</summary>
    public static readonly IReadOnlySet<string> RemoteSections =
        new HashSet<string>(["Detection", "Alerts", "Evidence", "Intel"], StringComparer.OrdinalIgnoreCase);

    public string Path { get; } = path;

    public Dictionary<string, string?> Read()
    {
        if (!File.Exists(Path))
            return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var stored = JsonSerializer.Deserialize(File.ReadAllBytes(Path), SettingsOverridesJsonContext.Default.DictionaryStringString);
            return new Dictionary<string, string?>(stored ?? [], StringComparer.OrdinalIgnoreCase);
        }
        catch (JsonException e)
        {
            throw new ConfigurationException(Path, $"the remotely set keys cannot be read: {e.Message}");
        }
    }

    public void Write(IReadOnlyDictionary<string, string?> overrides)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var temporary = Path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, new Dictionary<string, string?>(overrides), SettingsOverridesJsonContext.Default.DictionaryStringString);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, Path, overwrite: true);
    }
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(Dictionary<string, string?>))]
internal sealed partial class SettingsOverridesJsonContext : JsonSerializerContext;
