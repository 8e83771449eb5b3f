using System.Device.Gpio;

namespace Edge.Hardware.Gpio;

/// <summary>One line of the simulated chip. Guarded by the driver's lock.</summary>
internal sealed class SimulatedPin
{
    public bool IsOpen { get; set; }

    public PinMode Mode { get; set; } = PinMode.Input;

    /// <summary>The level the pin drives while it is an output.</summary>
    public PinValue Driven { get; set; } = PinValue.Low;

    /// <summary>The level something outside holds the pin at (a pressed button), or null when nothing does.</summary>
    public PinValue? External { get; set; }

    public List<(PinChangeEventHandler Callback, PinEventTypes Edges)> Callbacks { get; } = [];

    public List<(TaskCompletionSource<PinEventTypes> Waiter, PinEventTypes Edges)> Waiters { get; } = [];

    /// <summary>What a read sees: the driven level for an output; for an input the outside level, else the
    /// pull's idle level. A floating input reads low, so tests are deterministic.</summary>
    public PinValue Level => Mode == PinMode.Output
        ? Driven
        : External ?? (Mode == PinMode.InputPullUp ? PinValue.High : PinValue.Low);
}
