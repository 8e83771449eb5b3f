using Edge.Hardware.Leds;

namespace Edge.Hardware.Tests.Leds;

/// <summary>Lamps that remember every change they were told, with the (fake) time since the test began.</summary>
internal sealed class RecordingLights(TimeProvider time) : IIndicatorLights
{
    private readonly DateTimeOffset _start = time.GetUtcNow();

    public List<(int Ms, LedLights Lit)> Shown { get; } = [];

    public bool Disposed { get; private set; }

    public void Show(LedLights lit) => Shown.Add(((int)(time.GetUtcNow() - _start).TotalMilliseconds, lit));

    public void Dispose() => Disposed = true;
}
