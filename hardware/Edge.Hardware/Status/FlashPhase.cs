namespace Edge.Hardware.Status;

/// <summary>A technician's USB flash as the LEDs show it (the flash agent runs beside the service).</summary>
public enum FlashPhase
{
    None,

    /// <summary>A bundle or provisioning set is arriving over the cable.</summary>
    Receiving,

    /// <summary>It arrived whole: the sensor verifies its signature and installs it.</summary>
    Installing,

    /// <summary>The sensor refused what arrived (shown for a minute, so the technician sees it).</summary>
    Refused,
}
