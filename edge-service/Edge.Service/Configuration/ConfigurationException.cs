namespace Edge.Service.Configuration;

/// <summary>A configuration value the sensor refuses, naming its key (e.g. <c>Edge:Detection:DgaBurst</c>).</summary>
public sealed class ConfigurationException(string key, string message) : Exception($"{key}: {message}")
{
    public string Key { get; } = key;
}
