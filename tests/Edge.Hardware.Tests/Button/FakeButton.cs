using Edge.Hardware.Button;

namespace Edge.Hardware.Tests.Button;

/// <summary>A button whose pin the test moves: every call is one raw edge, bounces included.</summary>
internal sealed class FakeButton(bool pressed = false) : IButton
{
    public event Action<bool>? Changed;

    public bool IsPressed { get; private set; } = pressed;

    public bool HasListeners => Changed is not null;

    public void Set(bool pressed)
    {
        IsPressed = pressed;
        Changed?.Invoke(pressed);
    }

    public void Dispose()
    {
    }
}
