namespace Edge.Hardware.Gpio;

public enum GpioAccess
{
    /// <summary>The board's real GPIO where the machine has one and the profile's chip is found on it and
    /// opens; otherwise the simulated driver, with <see cref="BoardHardware.Reason"/> saying why.</summary>
    Auto,

    /// <summary>Always the simulated driver.</summary>
    Simulated,

    /// <summary>The real GPIO or a <see cref="GpioUnavailableException"/>.</summary>
    Real,
}
