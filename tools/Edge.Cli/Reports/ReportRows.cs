namespace Edge.Cli.Reports;

/// <summary>One agency's figures for one category over the period (<see cref="CountingRules"/>).</summary>
/// <param name="Sightings">The sum of the alerts' counts: every packet or query the sensors folded into them.</param>
public sealed record CategoryFigures(string Agency, string Category, long Alerts, long Indicators, long Hosts, long Connections, long Sightings);

/// <summary>A top indicator (with the hosts that reached it) or a top host (with the indicators it reached).</summary>
public sealed record TopEntry(string Agency, string Category, string Value, long Alerts, long Distinct);

/// <summary>Alerts of one agency and category first seen on one day (days since 1970-01-01 at the report's offset).</summary>
public sealed record DayCount(string Agency, string Category, long Day, long Alerts);

/// <summary>An alert of category <c>sensor</c>: the sensor's own event, such as a firmware rollback.</summary>
public sealed record SensorEvent(string Agency, string Sensor, long AtMs, string Severity, string Rule, string Indicator);

/// <summary>A sensor the store knows, with the earliest sign of it (first message or the start of its first presence interval).</summary>
public sealed record KnownSensor(string Agency, string Sensor, long FirstKnownMs);

/// <summary>A span in which a sensor's heartbeats vouch for it (the store's <c>presence</c> table).</summary>
public sealed record PresenceInterval(string Agency, string Sensor, long StartMs, long EndMs);

/// <summary>What the store answers for one report, before it is shaped for reading.</summary>
public sealed class ReportData
{
    public List<CategoryFigures> Figures { get; } = [];

    /// <summary>Distinct indicators per category over all the report's agencies (a site two agencies reached is one site).</summary>
    public Dictionary<string, long> ProvinceIndicators { get; } = new(StringComparer.Ordinal);

    public List<TopEntry> TopIndicators { get; } = [];

    public List<TopEntry> TopHosts { get; } = [];

    public List<DayCount> Days { get; } = [];

    public List<SensorEvent> SensorEvents { get; } = [];

    public List<KnownSensor> Sensors { get; } = [];

    public List<PresenceInterval> Presence { get; } = [];
}
