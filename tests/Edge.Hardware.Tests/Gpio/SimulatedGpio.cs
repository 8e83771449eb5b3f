using System.Device.Gpio;
using Edge.Hardware.Gpio;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Hardware.Tests.Gpio;

/// <summary>A real <see cref="GpioController"/> over the simulated driver, on fake time.</summary>
internal sealed class SimulatedGpio : IDisposable
{
    public static readonly DateTimeOffset Start = new(2027, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public SimulatedGpio(int pinCount = 28)
    {
        Driver = new SimulatedGpioDriver(Time, pinCount);
        Controller = new GpioController(Driver);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public SimulatedGpioDriver Driver { get; }

    public GpioController Controller { get; }

    public static PinChange At(int pin, PinValue value, int milliseconds = 0) => new(pin, value, Start.AddMilliseconds(milliseconds));

    public void Advance(int milliseconds) => Time.Advance(TimeSpan.FromMilliseconds(milliseconds));

    public void Dispose() => Controller.Dispose();
}
