using System.Device.Gpio;

namespace Edge.Hardware.Gpio;

/// <summary>An output pin driven to a new level, at the simulated driver's <see cref="TimeProvider"/> time.</summary>
public readonly record struct PinChange(int Pin, PinValue Value, DateTimeOffset Time)
{
    public override string ToString() => $"{Time:HH:mm:ss.fff} pin {Pin} {Value}";
}
