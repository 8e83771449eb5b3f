using Edge.Uplink.Messages;

namespace Edge.Cli.Watch;

/// <summary>Which alerts <c>edgectl watch</c> shows. The broker does the coarse part (the
/// subscriptions of <see cref="TopicFilters"/>); <see cref="Matches"/> decides on the payload itself,
/// which also covers what a topic cannot say (severity) and a payload that disagrees with its topic.</summary>
public sealed record AlertFilter
{
    public string? Agency { get; init; }

    public string? Sensor { get; init; }

    /// <summary>Empty for every category.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Null for every severity.</summary>
    public string? MinSeverity { get; init; }

    /// <summary><c>{prefix}/{agency|+}/{sensor|+}/alert/{category|#}</c>, one per category.</summary>
    public IReadOnlyList<string> TopicFilters(string prefix)
    {
        var root = $"{prefix}/{Agency ?? "+"}/{Sensor ?? "+"}/alert/";
        return Categories.Count == 0 ? [root + "#"] : [.. Categories.Distinct(StringComparer.Ordinal).Select(c => root + c)];
    }

    public bool Matches(AlertMessage alert) =>
        (Agency is null || alert.Agency == Agency)
        && (Sensor is null || alert.Sensor == Sensor)
        && (Categories.Count == 0 || Categories.Contains(alert.Category, StringComparer.Ordinal))
        && (MinSeverity is null || Severities.Rank(alert.Severity) >= Severities.Rank(MinSeverity));
}
