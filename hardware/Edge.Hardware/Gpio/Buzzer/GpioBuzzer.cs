using System.Device.Gpio;
using Edge.Hardware.Boards;
using Edge.Hardware.Leds;

namespace Edge.Hardware.Gpio;

/// <summary>An active buzzer (it makes its own tone) switched by one GPIO pin, usually through a
/// transistor. Silent at start and after <see cref="Dispose"/>. Owns its pin, not the controller.</summary>
public sealed class GpioBuzzer : IBuzzer
{
    private readonly Lock _lock = new();
    private readonly GpioOutputLine _line;
    private bool _disposed;

    public GpioBuzzer(GpioController controller, PinSpec pin)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(pin);
        _line = GpioOutputLine.Open(controller, pin);
    }

    public void Sound(bool on)
    {
        lock (_lock)
        {
            // As with the lamps: a late tick after shutdown must not start it again.
            if (!_disposed)
                _line.Set(on);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            _line.Close();
        }
    }
}
