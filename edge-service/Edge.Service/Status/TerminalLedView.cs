using Edge.Hardware.Leds;
using Edge.Hardware.Status;

namespace Edge.Service.Status;

/// <summary>The simulated LEDs on a developer's terminal. On an interactive terminal one line is
/// redrawn at every lamp change, so blinks are seen as they happen; into a pipe or a log, one line per
/// change of state (blinks would only flood it).</summary>
public sealed class TerminalLedView(TextWriter output, bool interactive)
{
    private readonly Lock _lock = new();
    private SensorStatus? _status;
    private LedLights _lit;

    public void OnLights(LedLights lit)
    {
        lock (_lock)
        {
            _lit = lit;
            if (interactive)
                Draw();
        }
    }

    public void OnStatus(SensorStatus status)
    {
        lock (_lock)
        {
            _status = status;
            if (interactive)
                Draw();
            else
                output.WriteLine($"LEDs  {Describe(status.Signal)}  {Name(status.State)}{(status.Silenced ? " (silenced)" : "")}: {status.Reason}");
        }
    }

    private void Draw()
    {
        var status = _status;
        var text = status is null ? "" : $" {Name(status.State)}: {status.Reason}";
        output.Write($"\r\u001b[2K LEDs {Lamp(LedLights.Green, "32")}{Lamp(LedLights.Amber, "33")}{Lamp(LedLights.Red, "31")}{text}");
        output.Flush();
    }

    private string Lamp(LedLights lamp, string colour) =>
        (_lit & lamp) != 0 ? $" \u001b[1;{colour}m●\u001b[0m" : " \u001b[2m○\u001b[0m";

    public static string Describe(LedSignal signal) => signal.Pattern == LedPattern.Off || signal.Lights == LedLights.None
        ? "dark"
        : $"{signal.Lights.ToString().Replace(", ", "+", StringComparison.Ordinal).ToLowerInvariant()} {Pattern(signal.Pattern)}";

    public static string Name(SensorState state) => state switch
    {
        SensorState.Booting => "booting",
        SensorState.Monitoring => "monitoring",
        SensorState.Warning => "warning",
        SensorState.UplinkDown => "uplink-down",
        SensorState.Alert => "alert",
        SensorState.Fault => "fault",
        SensorState.Flashing => "flashing",
        _ => state.ToString(),
    };

    private static string Pattern(LedPattern pattern) => pattern switch
    {
        LedPattern.Steady => "steady",
        LedPattern.SlowBlink => "slow blink",
        LedPattern.FastBlink => "fast blink",
        LedPattern.DoubleBlink => "double blink",
        LedPattern.Heartbeat => "heartbeat",
        _ => "off",
    };
}
