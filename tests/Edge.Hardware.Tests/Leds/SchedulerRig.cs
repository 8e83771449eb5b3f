using Edge.Hardware.Leds;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Hardware.Tests.Leds;

/// <summary>A scheduler on fake time, with recording lamps and buzzer and the timers it asked for counted.</summary>
internal sealed class SchedulerRig : IDisposable
{
    public SchedulerRig(bool withBuzzer = true)
    {
        Clock = new CountingTimeProvider(Fake);
        Lights = new RecordingLights(Fake);
        Buzzer = withBuzzer ? new RecordingBuzzer(Fake) : null;
        Scheduler = new LedScheduler(Lights, Clock, Buzzer);
        Scheduler.LightsChanged += lit => Raised.Add(lit);
    }

    public FakeTimeProvider Fake { get; } = new();

    public CountingTimeProvider Clock { get; }

    public RecordingLights Lights { get; }

    public RecordingBuzzer? Buzzer { get; }

    public LedScheduler Scheduler { get; }

    public List<LedLights> Raised { get; } = [];

    /// <summary>Moves the clock to <paramref name="ms"/> after the rig was made, one millisecond at a time:
    /// the fake clock fires a timer at the time it is moved to, so each edge is seen at its own millisecond.</summary>
    public void AdvanceTo(int ms)
    {
        var target = Fake.Start + TimeSpan.FromMilliseconds(ms);
        while (Fake.GetUtcNow() < target)
            Fake.SetUtcNow(Fake.GetUtcNow() + TimeSpan.FromMilliseconds(1));
    }

    /// <summary>Moves the clock in one step, as a late timer would see it.</summary>
    public void Jump(TimeSpan by) => Fake.SetUtcNow(Fake.GetUtcNow() + by);

    public void Dispose() => Scheduler.Dispose();
}
