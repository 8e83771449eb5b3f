namespace Edge.Service.Configuration;

/// <summary>Where the threat-intel lists are: files or folders of lists (empty: the bundled sample lists).</summary>
public sealed class IntelSettings
{
    public IReadOnlyList<string> Lists { get; set; } = [];
}
