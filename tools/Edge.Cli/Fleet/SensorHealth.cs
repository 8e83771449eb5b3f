namespace Edge.Cli.Fleet;

/// <summary>The verdict on one sensor, worst last.</summary>
public enum SensorHealth
{
    Online,
    /// <summary>No Last Will, but no heartbeat for longer than the threshold either.</summary>
    Silent,
    /// <summary>Its retained status says offline (Last Will or a clean stop) and nothing newer came.</summary>
    Offline,
}
