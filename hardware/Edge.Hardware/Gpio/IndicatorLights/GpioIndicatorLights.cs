using System.Device.Gpio;
using Edge.Hardware.Boards;
using Edge.Hardware.Leds;

namespace Edge.Hardware.Gpio;

/// <summary>The status LEDs on GPIO: a traffic-light set (one pin per lamp) or one RGB LED (amber mixed
/// from red and green), each pin honouring its active-low wiring. All dark at start and after
/// <see cref="Dispose"/>. Owns its pins, not the controller.</summary>
public sealed class GpioIndicatorLights : IIndicatorLights
{
    private readonly Lock _lock = new();
    private readonly LedKind _kind;
    private readonly GpioOutputLine _red;
    private readonly GpioOutputLine _green;
    private readonly GpioOutputLine? _amber;
    private readonly GpioOutputLine? _blue;
    private bool _disposed;

    public GpioIndicatorLights(GpioController controller, LedWiring wiring)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(wiring);
        _kind = wiring.Kind;
        var opened = new List<GpioOutputLine>();
        GpioOutputLine Open(PinSpec pin)
        {
            var line = GpioOutputLine.Open(controller, pin);
            opened.Add(line);
            return line;
        }
        try
        {
            if (wiring.Kind == LedKind.Traffic)
            {
                _green = Open(wiring.Green);
                _amber = Open(wiring.Amber!);
                _red = Open(wiring.Red);
            }
            else
            {
                _red = Open(wiring.Red);
                _green = Open(wiring.Green);
                _blue = wiring.Blue is null ? null : Open(wiring.Blue);
            }
        }
        catch
        {
            GpioOutputLine.CloseAll(opened);
            throw;
        }
    }

    public void Show(LedLights lit)
    {
        lock (_lock)
        {
            // A late tick from a scheduler that is being stopped must neither throw nor relight the lamps.
            if (_disposed)
                return;
            if (_kind == LedKind.Traffic)
            {
                _green.Set(lit.HasFlag(LedLights.Green));
                _amber!.Set(lit.HasFlag(LedLights.Amber));
                _red.Set(lit.HasFlag(LedLights.Red));
                return;
            }
            var (red, green, blue) = RgbMix.Of(lit);
            _red.Set(red);
            _green.Set(green);
            _blue?.Set(blue);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            GpioOutputLine.CloseAll([_green, _amber, _red, _blue]);
        }
    }
}
