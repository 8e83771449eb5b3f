namespace Edge.Hardware.Status;

/// <summary>The states the LEDs tell, lowest priority first (DESIGN.md "LED states"): the highest
/// one that holds is shown.</summary>
public enum SensorState
{
    Booting,
    Monitoring,
    Warning,
    UplinkDown,
    Alert,
    Fault,

    /// <summary>A technician is flashing the sensor over USB (or it just refused what was flashed).</summary>
    Flashing,
}
