using Edge.Hardware.Boards.Json;

namespace Edge.Hardware.Boards;

/// <summary>The bundled board profiles (embedded from <c>Profiles/*.json</c>) and custom profile files.</summary>
public static class BoardProfiles
{
    private const string ResourcePrefix = "Edge.Hardware.Profiles.";
    private const string ResourceSuffix = ".json";

    /// <summary>The bundled profile names, sorted: <c>compute-module-4</c>, <c>raspberry-pi-4</c>, <c>raspberry-pi-5</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(BundledNames());

    /// <summary>A bundled profile by name, else a JSON file by path (anything with a <c>/</c> or ending in <c>.json</c>).</summary>
    /// <exception cref="BoardProfileException">Unknown name, unreadable file or invalid profile.</exception>
    public static BoardProfile Load(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (Names.Contains(nameOrPath))
            return Parse(ReadBundled(nameOrPath), nameOrPath);
        if (!LooksLikePath(nameOrPath))
            throw new BoardProfileException(nameOrPath, null, $"no bundled profile has this name ({string.Join(", ", Names)}); give a path to use a profile file");
        string json;
        try
        {
            json = File.ReadAllText(nameOrPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BoardProfileException(nameOrPath, null, $"cannot read the profile file: {e.Message}", e);
        }
        return Parse(json, nameOrPath);
    }

    /// <param name="source">Where the JSON came from, for messages: a profile name or a file path.</param>
    /// <exception cref="BoardProfileException">Bad JSON or an invalid profile.</exception>
    public static BoardProfile Parse(string json, string source) => BoardProfileReader.Read(json, source);

    /// <summary>The bundled profile whose model prefix starts the device-tree model (a NUL-terminated
    /// string such as "Raspberry Pi 5 Model B Rev 1.0"), or null when the file is absent or names no
    /// known board.</summary>
    public static string? DetectName(string modelPath = "/proc/device-tree/model")
    {
        string model;
        try
        {
            model = File.ReadAllText(modelPath).TrimEnd('\0', '\n', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        foreach (var name in Names)
        {
            if (Load(name).ModelPrefixes.Any(prefix => ModelMatches(model, prefix)))
                return name;
        }
        return null;
    }

    /// <summary>The prefix must end at a word boundary, so "Raspberry Pi Compute Module 4" does not take
    /// the CM4S (a different pinout) and "Raspberry Pi 5" does not take a "Raspberry Pi 50…".</summary>
    internal static bool ModelMatches(string model, string prefix) =>
        model.StartsWith(prefix, StringComparison.Ordinal)
        && (model.Length == prefix.Length || model[prefix.Length] == ' ');

    private static bool LooksLikePath(string nameOrPath) =>
        nameOrPath.Contains('/', StringComparison.Ordinal)
        || nameOrPath.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static string ReadBundled(string name)
    {
        using var stream = typeof(BoardProfiles).Assembly.GetManifestResourceStream(ResourcePrefix + name + ResourceSuffix)
            ?? throw new InvalidOperationException($"bundled profile {name} is listed but not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string[] BundledNames() =>
    [
        .. typeof(BoardProfiles).Assembly.GetManifestResourceNames()
            .Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal) && r.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .Select(r => r[ResourcePrefix.Length..^ResourceSuffix.Length])
            .Order(StringComparer.Ordinal),
    ];
}
