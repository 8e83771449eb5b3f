namespace Edge.Hardware.Button;

/// <summary>The raw button: every edge the pin reports, bounces included (debouncing is the
/// gesture logic's job, on <see cref="TimeProvider"/>). <c>true</c> means pressed, whatever the wiring.</summary>
public interface IButton : IDisposable
{
    event Action<bool>? Changed;

    bool IsPressed { get; }
}
