using System.Device.Gpio;
using Edge.Hardware.Boards;
using Edge.Hardware.Button;

namespace Edge.Hardware.Gpio;

/// <summary>The button on a GPIO input with the profile's pull, reporting every edge the pin gives as
/// pressed or released (active-low handled; no debouncing here). Owns its pin, not the controller.</summary>
public sealed class GpioButton : IButton
{
    private readonly GpioController _controller;
    private readonly ButtonSpec _spec;
    private readonly Lock _lock = new();
    private bool _disposed;

    public GpioButton(GpioController controller, ButtonSpec spec)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(spec);
        _controller = controller;
        _spec = spec;
        ExclusivePin.Open(controller, spec.Pin, Mode(spec.Pull));
        try
        {
            controller.RegisterCallbackForPinValueChangedEvent(spec.Pin, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);
        }
        catch
        {
            controller.ClosePin(spec.Pin);
            throw;
        }
    }

    public event Action<bool>? Changed;

    public bool IsPressed
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Pressed(_controller.Read(_spec.Pin));
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
        }
        try
        {
            _controller.UnregisterCallbackForPinValueChangedEvent(_spec.Pin, OnEdge);
            _controller.ClosePin(_spec.Pin);
        }
        catch (ObjectDisposedException)
        {
            // The controller went first and closed its pins with it.
        }
    }

    private static PinMode Mode(ButtonPull pull) => pull switch
    {
        ButtonPull.Up => PinMode.InputPullUp,
        ButtonPull.Down => PinMode.InputPullDown,
        _ => PinMode.Input,
    };

    // The edge says the level; reading the pin again here could already see the next bounce.
    private void OnEdge(object sender, PinValueChangedEventArgs e) =>
        Changed?.Invoke(Pressed(e.ChangeType == PinEventTypes.Rising ? PinValue.High : PinValue.Low));

    private bool Pressed(PinValue level) => (level == PinValue.Low) == _spec.ActiveLow;
}
