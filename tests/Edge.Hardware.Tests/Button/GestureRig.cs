using Edge.Hardware.Button;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Hardware.Tests.Button;

/// <summary>Gestures on fake time, with every gesture recorded at the millisecond it was raised.</summary>
internal sealed class GestureRig : IDisposable
{
    public GestureRig(bool pressedAtStart = false, ButtonTiming? timing = null)
    {
        Button = new FakeButton(pressedAtStart);
        Gestures = new ButtonGestures(Button, Time, timing);
        Gestures.ShortPress += () => Record("short");
        Gestures.LedTestRequested += () => Record("led-test");
        Gestures.FactoryResetArmed += () => Record("armed");
        Gestures.FactoryResetConfirmed += () => Record("confirmed");
        Gestures.FactoryResetCancelled += () => Record("cancelled");
    }

    public FakeTimeProvider Time { get; } = new();

    public FakeButton Button { get; }

    public ButtonGestures Gestures { get; }

    public List<(int Ms, string Gesture)> Seen { get; } = [];

    public int Now => (int)(Time.GetUtcNow() - Time.Start).TotalMilliseconds;

    /// <summary>Moves the clock one millisecond at a time, so each timer fires at its own millisecond.</summary>
    public GestureRig At(int ms)
    {
        var target = Time.Start + TimeSpan.FromMilliseconds(ms);
        while (Time.GetUtcNow() < target)
            Time.SetUtcNow(Time.GetUtcNow() + TimeSpan.FromMilliseconds(1));
        return this;
    }

    public void Press(int ms) => At(ms).Button.Set(true);

    public void Release(int ms) => At(ms).Button.Set(false);

    public void Dispose() => Gestures.Dispose();

    private void Record(string gesture) => Seen.Add((Now, gesture));
}
