namespace Edge.Service.Configuration;

/// <summary>The <c>Edge:Hardware</c> section: board profile, GPIO, watchdog and temperature.</summary>
public sealed class HardwareSettings
{
    /// <summary><c>auto</c> reads the model from the device tree; else a bundled profile name
    /// (<c>raspberry-pi-4</c>, <c>raspberry-pi-5</c>, <c>compute-module-4</c>) or a JSON file path.</summary>
    public string Board { get; set; } = "auto";

    /// <summary><c>Auto</c> uses the real GPIO where a <c>/dev/gpiochip*</c> exists, else the simulated
    /// driver; <c>Simulated</c> always simulates; <c>Real</c> refuses to start without GPIO.</summary>
    public GpioMode Gpio { get; set; } = GpioMode.Auto;

    /// <summary>Show the simulated LEDs in the terminal: <c>Auto</c> when simulated and stdout is a terminal.</summary>
    public TerminalLeds TerminalLeds { get; set; } = TerminalLeds.Auto;

    public int ButtonDebounceMilliseconds { get; set; } = 30;

    public WatchdogSettings Watchdog { get; set; } = new();

    public ThermalSettings Thermal { get; set; } = new();

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Board))
            throw new ArgumentException("empty: say auto, a profile name or a file", nameof(Board));
        if (!Enum.IsDefined(Gpio))
            throw new ArgumentException("must be Auto, Simulated or Real", nameof(Gpio));
        if (!Enum.IsDefined(TerminalLeds))
            throw new ArgumentException("must be Auto, On or Off", nameof(TerminalLeds));
        ArgumentOutOfRangeException.ThrowIfLessThan(ButtonDebounceMilliseconds, 1, nameof(ButtonDebounceMilliseconds));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ButtonDebounceMilliseconds, 500, nameof(ButtonDebounceMilliseconds));
    }
}

public enum GpioMode
{
    Auto,
    Simulated,
    Real,
}

public enum TerminalLeds
{
    Auto,
    On,
    Off,
}

/// <summary>The hardware watchdog. It is opened only on real hardware (or when <c>Enabled</c> is
/// <c>On</c>): once open, a stop that is not clean reboots the machine.</summary>
public sealed class WatchdogSettings
{
    public WatchdogMode Enabled { get; set; } = WatchdogMode.Auto;

    public string Device { get; set; } = "/dev/watchdog";

    public int PetIntervalSeconds { get; set; } = 5;

    /// <summary>The timeout asked of the device; unpetted this long, the board reboots.</summary>
    public int TimeoutSeconds { get; set; } = 15;

    public void Validate()
    {
        if (!Enum.IsDefined(Enabled))
            throw new ArgumentException("must be Auto, On or Off", nameof(Enabled));
        if (string.IsNullOrWhiteSpace(Device))
            throw new ArgumentException("empty", nameof(Device));
        ArgumentOutOfRangeException.ThrowIfLessThan(PetIntervalSeconds, 1, nameof(PetIntervalSeconds));
        if (TimeoutSeconds < 2 * PetIntervalSeconds)
            throw new ArgumentException($"{TimeoutSeconds} must be at least twice PetIntervalSeconds ({PetIntervalSeconds})", nameof(TimeoutSeconds));
    }
}

public enum WatchdogMode
{
    Auto,
    On,
    Off,
}

/// <summary>CPU temperature: a warning above <c>WarnCelsius</c> that clears below it minus the hysteresis.</summary>
public sealed class ThermalSettings
{
    public string Zone { get; set; } = "/sys/class/thermal/thermal_zone0/temp";

    public double WarnCelsius { get; set; } = 75;

    public double HysteresisCelsius { get; set; } = 5;

    public int PollSeconds { get; set; } = 10;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(WarnCelsius, 30, nameof(WarnCelsius));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(WarnCelsius, 110, nameof(WarnCelsius));
        ArgumentOutOfRangeException.ThrowIfNegative(HysteresisCelsius, nameof(HysteresisCelsius));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(HysteresisCelsius, 30, nameof(HysteresisCelsius));
        ArgumentOutOfRangeException.ThrowIfLessThan(PollSeconds, 1, nameof(PollSeconds));
    }
}
