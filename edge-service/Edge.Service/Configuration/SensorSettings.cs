namespace Edge.Service.Configuration;

/// <summary>Who this sensor is: the agency and sensor ids of the MQTT topics (<c>[a-z0-9-]{1,64}</c>).</summary>
public sealed class SensorSettings
{
    public string Agency { get; set; } = "dev";

    public string Id { get; set; } = "sensor-1";

    /// <summary>The board, as the birth message tells it (the hardware issue fills it from the profile).</summary>
    public string? Board { get; set; }

    /// <summary>Where the outbox, received intel and remotely set keys live (see <see cref="StatePaths"/>).</summary>
    public string? StateDirectory { get; set; }
}
