namespace Edge.Hardware.Status;

/// <summary>The most severe alert the incident team has not acknowledged yet, as the LEDs care.</summary>
public enum OpenAlertLevel
{
    None,
    High,
    Critical,
}
