using System.Device;
using System.Device.Gpio;

namespace Edge.Hardware.Gpio;

/// <summary>A GPIO chip in memory, behind a real <see cref="GpioController"/>: outputs are recorded as
/// <see cref="PinChange"/>s at <see cref="TimeProvider"/> time, inputs idle at their pull's level and are
/// driven from outside with <see cref="SetInput"/>, which raises edge callbacks and ends
/// <c>WaitForEvent</c>s. Pins must be opened before use, as on a real chip, so a binding that forgets
/// fails here first.</summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly SimulatedPin[] _pins;
    private readonly List<PinChange> _changes = [];
    private bool _disposed;

    public SimulatedGpioDriver(TimeProvider time, int pinCount = 28)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pinCount);
        _time = time;
        _pins = new SimulatedPin[pinCount];
        for (var i = 0; i < pinCount; i++)
            _pins[i] = new SimulatedPin();
    }

    /// <summary>Every output level change so far, oldest first (a copy).</summary>
    public IReadOnlyList<PinChange> Changes
    {
        get
        {
            lock (_lock)
                return [.. _changes];
        }
    }

    /// <summary>Raised after each recorded change, on the writing thread, outside the driver's lock.</summary>
    public event Action<PinChange>? PinChanged;

    protected override int PinCount => _pins.Length;

    /// <summary>Holds an input at <paramref name="value"/> from outside, as a pressed or released button
    /// does, raising the edge (if the level changes) to callbacks and waiters on the calling thread.</summary>
    /// <exception cref="InvalidOperationException">The pin is an output: driving it from outside would short it.</exception>
    public void SetInput(int pin, PinValue value)
    {
        Notify(pin, () =>
        {
            var state = Pin(pin);
            if (state.Mode == PinMode.Output)
                throw new InvalidOperationException($"pin {pin} is an output; SetInput drives inputs");
            state.External = value;
        });
    }

    protected override void OpenPin(int pinNumber)
    {
        lock (_lock)
        {
            var pin = Pin(pinNumber);
            if (pin.IsOpen)
                throw new InvalidOperationException($"pin {pinNumber} is already open");
            pin.IsOpen = true;
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        List<TaskCompletionSource<PinEventTypes>> waiters;
        lock (_lock)
        {
            var pin = OpenedPin(pinNumber);
            pin.IsOpen = false;
            pin.Callbacks.Clear();
            waiters = [.. pin.Waiters.Select(w => w.Waiter)];
            pin.Waiters.Clear();
        }
        foreach (var waiter in waiters)
            waiter.TrySetCanceled();
    }

    protected override void SetPinMode(int pinNumber, PinMode mode) => SetMode(pinNumber, mode, initialValue: null);

    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue) => SetMode(pinNumber, mode, initialValue);

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_lock)
            return OpenedPin(pinNumber).Mode;
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        pinNumber >= 0 && pinNumber < _pins.Length
        && mode is PinMode.Input or PinMode.Output or PinMode.InputPullUp or PinMode.InputPullDown;

    protected override PinValue Read(int pinNumber)
    {
        lock (_lock)
            return OpenedPin(pinNumber).Level;
    }

    protected override void Write(int pinNumber, PinValue value)
    {
        PinChange? change;
        lock (_lock)
        {
            var pin = OpenedPin(pinNumber);
            if (pin.Mode != PinMode.Output)
                throw new InvalidOperationException($"pin {pinNumber} is not an output");
            change = Drive(pinNumber, pin, value);
        }
        Announce(change);
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        WaitForEventAsync(pinNumber, eventTypes, cancellationToken).AsTask().GetAwaiter().GetResult();

    protected override async ValueTask<WaitForEventResult> WaitForEventAsync(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        RequireEdges(eventTypes);
        var waiter = new TaskCompletionSource<PinEventTypes>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
            OpenedPin(pinNumber).Waiters.Add((waiter, eventTypes));
        try
        {
            var edge = await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new WaitForEventResult { EventTypes = edge, TimedOut = false };
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
                _pins[pinNumber].Waiters.RemoveAll(w => w.Waiter == waiter);
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
    }

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        RequireEdges(eventTypes);
        lock (_lock)
            OpenedPin(pinNumber).Callbacks.Add((callback, eventTypes));
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_lock)
            OpenedPin(pinNumber).Callbacks.RemoveAll(c => c.Callback == callback);
    }

    public override GpioChipInfo GetChipInfo() => new(0, "simulated", "edge-simulated", _pins.Length);

    public override ComponentInformation QueryComponentInformation()
    {
        var info = new ComponentInformation(this, "Edge simulated GPIO driver");
        info.Properties["PinCount"] = _pins.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return info;
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        List<TaskCompletionSource<PinEventTypes>> waiters = [];
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            foreach (var pin in _pins)
            {
                waiters.AddRange(pin.Waiters.Select(w => w.Waiter));
                pin.Waiters.Clear();
                pin.Callbacks.Clear();
            }
        }
        foreach (var waiter in waiters)
            waiter.TrySetCanceled();
        base.Dispose(disposing);
    }

    private void SetMode(int pinNumber, PinMode mode, PinValue? initialValue)
    {
        if (!IsPinModeSupported(pinNumber, mode))
            throw new InvalidOperationException($"pin {pinNumber} does not support {mode}");
        PinChange? change = null;
        Notify(pinNumber, () =>
        {
            var pin = OpenedPin(pinNumber);
            var wasOutput = pin.Mode == PinMode.Output;
            pin.Mode = mode;
            if (mode != PinMode.Output)
                return;
            // A line turned into an output starts driving: low unless told otherwise, as the kernel does.
            var level = initialValue ?? (wasOutput ? pin.Driven : PinValue.Low);
            change = wasOutput ? Drive(pinNumber, pin, level) : Record(pinNumber, pin, level);
        });
        Announce(change);
    }

    /// <summary>Runs a state change under the lock, then raises the input edge it caused, if any, outside it.</summary>
    private void Notify(int pinNumber, Action change)
    {
        PinEventTypes edge;
        List<PinChangeEventHandler> callbacks;
        List<TaskCompletionSource<PinEventTypes>> waiters;
        lock (_lock)
        {
            var pin = Pin(pinNumber);
            var before = pin.Level;
            change();
            if (pin.Mode == PinMode.Output || pin.Level == before)
                return;
            edge = pin.Level == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            callbacks = [.. pin.Callbacks.Where(c => (c.Edges & edge) != 0).Select(c => c.Callback)];
            waiters = [.. pin.Waiters.Where(w => (w.Edges & edge) != 0).Select(w => w.Waiter)];
            pin.Waiters.RemoveAll(w => (w.Edges & edge) != 0);
        }
        foreach (var waiter in waiters)
            waiter.TrySetResult(edge);
        var args = new PinValueChangedEventArgs(edge, pinNumber);
        foreach (var callback in callbacks)
            callback(this, args);
    }

    private PinChange? Drive(int pinNumber, SimulatedPin pin, PinValue value) =>
        pin.Driven == value ? null : Record(pinNumber, pin, value);

    private PinChange Record(int pinNumber, SimulatedPin pin, PinValue value)
    {
        pin.Driven = value;
        var change = new PinChange(pinNumber, value, _time.GetUtcNow());
        _changes.Add(change);
        return change;
    }

    private void Announce(PinChange? change)
    {
        if (change is { } c)
            PinChanged?.Invoke(c);
    }

    private SimulatedPin Pin(int pinNumber)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(pinNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pinNumber, _pins.Length);
        return _pins[pinNumber];
    }

    private SimulatedPin OpenedPin(int pinNumber)
    {
        var pin = Pin(pinNumber);
        return pin.IsOpen ? pin : throw new InvalidOperationException($"pin {pinNumber} is not open");
    }

    private static void RequireEdges(PinEventTypes eventTypes)
    {
        if ((eventTypes & (PinEventTypes.Rising | PinEventTypes.Falling)) == 0)
            throw new ArgumentException("ask for Rising, Falling or both", nameof(eventTypes));
    }
}
