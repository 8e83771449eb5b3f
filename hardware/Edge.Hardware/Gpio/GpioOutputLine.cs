using System.Device.Gpio;
using Edge.Hardware.Boards;

namespace Edge.Hardware.Gpio;

/// <summary>One output pin of a device: opened driven to "off" so nothing flashes at start, written only
/// when it changes, and left off and closed when the device goes.</summary>
internal sealed class GpioOutputLine
{
    private readonly GpioController _controller;
    private readonly PinSpec _spec;
    private bool _on;

    private GpioOutputLine(GpioController controller, PinSpec spec)
    {
        _controller = controller;
        _spec = spec;
    }

    public static GpioOutputLine Open(GpioController controller, PinSpec spec)
    {
        ExclusivePin.Open(controller, spec.Pin, PinMode.Output, Level(spec, on: false));
        return new GpioOutputLine(controller, spec);
    }

    public void Set(bool on)
    {
        if (on == _on)
            return;
        _controller.Write(_spec.Pin, Level(_spec, on));
        _on = on;
    }

    public void Close()
    {
        try
        {
            Set(false);
            _controller.ClosePin(_spec.Pin);
        }
        catch (ObjectDisposedException)
        {
            // The controller went first and closed its pins with it.
        }
    }

    /// <summary>Closes each line, for a device whose constructor failed part way.</summary>
    public static void CloseAll(IEnumerable<GpioOutputLine?> lines)
    {
        foreach (var line in lines)
            line?.Close();
    }

    private static PinValue Level(PinSpec spec, bool on) => on != spec.ActiveLow ? PinValue.High : PinValue.Low;
}
