namespace Edge.Service.Configuration;

/// <summary>Who this sensor is: the agency and sensor ids of the MQTT topics (<c>[a-z0-9-]{1,64}</c>).</summary>
public sealed class SensorSettings
{
    public string Agency { get; set; } = "dev";

    public string Id { get; set; } = "sensor-1";
}
