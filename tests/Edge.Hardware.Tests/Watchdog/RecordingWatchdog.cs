using Edge.Hardware.Watchdog;

namespace Edge.Hardware.Tests.Watchdog;

/// <summary>A watchdog that remembers when it was petted, in whole seconds since the test began.</summary>
internal sealed class RecordingWatchdog(TimeProvider time) : IWatchdogDevice
{
    private readonly DateTimeOffset _start = time.GetUtcNow();

    public List<int> PettedAt { get; } = [];

    public int Disarms { get; private set; }

    public bool Disposed { get; private set; }

    public Exception? FailNextPet { get; set; }

    public void Pet()
    {
        if (FailNextPet is { } failure)
        {
            FailNextPet = null;
            throw failure;
        }
        PettedAt.Add((int)(time.GetUtcNow() - _start).TotalSeconds);
    }

    public void Disarm() => Disarms++;

    public void Dispose() => Disposed = true;
}
