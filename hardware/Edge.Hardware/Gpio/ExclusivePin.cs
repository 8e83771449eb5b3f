using System.Device.Gpio;

namespace Edge.Hardware.Gpio;

internal static class ExclusivePin
{
    /// <summary>Opens a pin for one device alone. <see cref="GpioController.OpenPin(int)"/> quietly hands
    /// back a pin that is already open, which would let two devices fight over it; and a mode the pin
    /// refuses would leave it open behind the exception.</summary>
    public static void Open(GpioController controller, int pin, PinMode mode, PinValue? initialValue = null)
    {
        if (controller.IsPinOpen(pin))
            throw new InvalidOperationException($"GPIO {pin} is already open for another device");
        try
        {
            if (initialValue is { } value)
                controller.OpenPin(pin, mode, value);
            else
                controller.OpenPin(pin, mode);
        }
        catch
        {
            if (controller.IsPinOpen(pin))
                controller.ClosePin(pin);
            throw;
        }
    }
}
