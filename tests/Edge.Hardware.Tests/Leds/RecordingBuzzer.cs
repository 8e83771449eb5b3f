using Edge.Hardware.Leds;

namespace Edge.Hardware.Tests.Leds;

internal sealed class RecordingBuzzer(TimeProvider time) : IBuzzer
{
    private readonly DateTimeOffset _start = time.GetUtcNow();

    public List<(int Ms, bool On)> Sounded { get; } = [];

    public bool Disposed { get; private set; }

    public void Sound(bool on) => Sounded.Add(((int)(time.GetUtcNow() - _start).TotalMilliseconds, on));

    public void Dispose() => Disposed = true;
}
