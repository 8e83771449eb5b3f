using System.Device.Gpio;
using Edge.Hardware.Boards;
using Edge.Hardware.Button;
using Edge.Hardware.Leds;

namespace Edge.Hardware.Gpio;

/// <summary>A board's GPIO devices opened on one controller, from <see cref="BoardGpio.Open"/>. It owns
/// the controller (and through it the driver): disposing closes the devices, then the controller.</summary>
public sealed class BoardHardware : IDisposable
{
    private bool _disposed;

    internal BoardHardware(
        BoardProfile profile,
        GpioController controller,
        SimulatedGpioDriver? simulator,
        string chip,
        string reason,
        IIndicatorLights lights,
        IButton? button,
        IBuzzer? buzzer)
    {
        Profile = profile;
        Controller = controller;
        Simulator = simulator;
        Chip = chip;
        Reason = reason;
        Lights = lights;
        Button = button;
        Buzzer = buzzer;
    }

    public BoardProfile Profile { get; }

    public bool Simulated => Simulator is not null;

    /// <summary>The simulated driver behind <see cref="Controller"/>, to watch the LEDs or press the button; null on real GPIO.</summary>
    public SimulatedGpioDriver? Simulator { get; }

    public GpioController Controller { get; }

    public IIndicatorLights Lights { get; }

    /// <summary>Null where the profile has no button.</summary>
    public IButton? Button { get; }

    /// <summary>Null where the profile has no buzzer.</summary>
    public IBuzzer? Buzzer { get; }

    /// <summary>"gpiochip4 (pinctrl-rp1)", "gpiochip0", or "simulated".</summary>
    public string Chip { get; }

    /// <summary>Why this chip or the simulation: "gpiochip4 (pinctrl-rp1), found by its label", "no
    /// /dev/gpiochip* on this machine", …, for the log and the status page.</summary>
    public string Reason { get; }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        Buzzer?.Dispose();
        Button?.Dispose();
        Lights.Dispose();
        Controller.Dispose();
    }
}
