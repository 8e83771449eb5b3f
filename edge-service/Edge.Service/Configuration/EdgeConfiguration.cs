using Microsoft.Extensions.Configuration;

namespace Edge.Service.Configuration;

/// <summary>Reads the <c>Edge</c> settings: the <c>appsettings.json</c> beside the executable, then the
/// file given with <c>--config</c>, then the keys set remotely (<c>config-set</c>, kept in the state
/// folder), then <c>Edge__…</c> environment variables, each overriding the one before. Unknown keys
/// and out-of-range values are refused with their key named.</summary>
public static class EdgeConfiguration
{
    public const string Section = "Edge";

    public static string DefaultFile => Path.Combine(AppContext.BaseDirectory, "appsettings.json");

    /// <exception cref="ConfigurationException">A file is missing or unreadable, or a value is refused.</exception>
    public static EdgeSettings Load(string? file, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        if (file is not null && !File.Exists(file))
            throw new ConfigurationException(file, "no such configuration file");
        var builder = new ConfigurationBuilder().AddJsonFile(DefaultFile, optional: true);
        if (file is not null)
            builder.AddJsonFile(Path.GetFullPath(file), optional: false);
        if (overrides is not null)
            builder.AddInMemoryCollection(Prefixed(overrides));
        builder.AddEnvironmentVariables();
        IConfigurationRoot root;
        try
        {
            root = builder.Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException)
        {
            throw new ConfigurationException(file ?? DefaultFile, Unwrap(e));
        }
        return Bind(root.GetSection(Section));
    }

    private static Dictionary<string, string?> Prefixed(IReadOnlyDictionary<string, string?> overrides)
    {
        var prefixed = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in overrides)
            prefixed[$"{Section}:{key}"] = value;
        return prefixed;
    }

    /// <summary>The settings with the keys set remotely (<c>config-set</c>) applied: those live in the
    /// state folder, which the settings themselves may move, so the files are read first.</summary>
    /// <param name="stateDirectory">A state folder given on the command line, which wins over the files'.</param>
    public static EdgeSettings LoadWithOverrides(string? file, string? stateDirectory = null)
    {
        var first = Load(file);
        var overrides = new SettingsOverrides(StatePaths.Resolve(stateDirectory ?? first.Sensor.StateDirectory).Overrides).Read();
        return overrides.Count == 0 ? first : Load(file, overrides);
    }

    /// <summary>Binds and validates one <c>Edge</c> section (tests give it an in-memory one).</summary>
    public static EdgeSettings Bind(IConfigurationSection section)
    {
        EdgeSettings settings;
        try
        {
            settings = section.Get<EdgeSettings>(options => options.ErrorOnUnknownConfiguration = true) ?? new EdgeSettings();
        }
        catch (InvalidOperationException e) when (UnknownKey(section, e.Message) is { } unknown)
        {
            throw new ConfigurationException(unknown, "unknown key (misspelt, or not a setting of this version)");
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException(KeyOf(e.Message) ?? section.Path, Unwrap(e));
        }
        EdgeSettingsValidator.Validate(settings, section.Path);
        return settings;
    }

    /// <summary>The message and, for a file that does not parse, the innermost cause (it has the line).</summary>
    private static string Unwrap(Exception e)
    {
        var innermost = e;
        while (innermost.InnerException is { } inner)
            innermost = inner;
        return ReferenceEquals(innermost, e) ? e.Message : $"{e.Message} {innermost.Message}";
    }

    /// <summary>The binder names an unknown property but not where it is ("… not found on the instance of
    /// T: 'Windw'"); the full key is the one in the section that ends with that name.</summary>
    private static string? UnknownKey(IConfigurationSection section, string message)
    {
        const string marker = "were not found on the instance of ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
            return null;
        var names = message[(message.IndexOf(':', at) + 1)..];
        var first = names.IndexOf('\'');
        var last = first < 0 ? -1 : names.IndexOf('\'', first + 1);
        if (last < 0)
            return null;
        var name = ":" + names[(first + 1)..last];
        foreach (var (key, _) in section.AsEnumerable())
        {
            if (key.EndsWith(name, StringComparison.OrdinalIgnoreCase))
                return key;
            var inside = key.IndexOf(name + ":", StringComparison.OrdinalIgnoreCase);
            if (inside >= 0)
                return key[..(inside + name.Length)];
        }
        return null;
    }

    /// <summary>The binder names the failing key in single quotes ("… value at 'Edge:X:Y' to type …").</summary>
    private static string? KeyOf(string message)
    {
        var start = message.IndexOf("at '", StringComparison.Ordinal);
        if (start < 0)
            return null;
        start += 4;
        var end = message.IndexOf('\'', start);
        return end > start ? message[start..end] : null;
    }
}
