using System.Globalization;
using Edge.Uplink.Messages;

namespace Edge.Uplink.Mqtt;

/// <summary>Who the sensor is, as the birth message tells it. <see cref="IntelVersion"/> may change
/// while the service runs (an intel update); the next birth carries the new one.</summary>
public sealed class SensorIdentity
{
    public SensorIdentity(string agency, string sensor, string version, string? board, DateTimeOffset started)
    {
        Agency = agency;
        Sensor = sensor;
        Version = version;
        Board = board;
        Started = started;
    }

    public string Agency { get; }

    public string Sensor { get; }

    public string Version { get; }

    public string? Board { get; }

    public DateTimeOffset Started { get; }

    public string? IntelVersion { get; set; }

    /// <summary>The A/B slot the service runs from, where it runs from one.</summary>
    public string? Slot { get; init; }

    /// <summary>The last firmware rollback, told in every birth.</summary>
    public StatusRollback? Rollback { get; init; }

    /// <summary><c>edge.{agency}.{sensor}</c>: stable, so the broker keeps the session across reconnects.</summary>
    public string ClientId => $"edge.{Agency}.{Sensor}";

    public string StartedText => Started.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
