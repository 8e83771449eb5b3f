namespace Edge.Service.Tests.Systemd;

/// <summary>A systemd unit file read as systemd reads it: [Section] headers, Key=Value lines, a key
/// may repeat, # and ; start comments.</summary>
public sealed class UnitFile
{
    private readonly Dictionary<(string Section, string Key), List<string>> _values = [];

    private UnitFile()
    {
    }

    public static string Shipped => Path.Combine(RepositoryRoot(), "deploy", "systemd", "edge-service.service");

    public static UnitFile Parse(string text)
    {
        var unit = new UnitFile();
        var section = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
                continue;
            if (line[0] == '[')
            {
                section = line.Trim('[', ']');
                continue;
            }
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw new FormatException($"not a Key=Value line: {line}");
            var key = (section, line[..equals].Trim());
            if (!unit._values.TryGetValue(key, out var values))
                unit._values[key] = values = [];
            values.Add(line[(equals + 1)..].Trim());
        }
        return unit;
    }

    /// <summary>The one value of a key that must appear exactly once.</summary>
    public string Single(string section, string key) => Assert.Single(All(section, key));

    public IReadOnlyList<string> All(string section, string key) =>
        _values.TryGetValue((section, key), out var values) ? values : [];

    /// <summary>A space-separated list setting (RestrictAddressFamilies=, AmbientCapabilities=), all its lines together.</summary>
    public IReadOnlySet<string> Words(string section, string key) =>
        All(section, key).SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Edge.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("Edge.sln not found above the test binaries");
    }
}
