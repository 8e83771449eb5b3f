using Edge.Hardware.Leds;
using Edge.Hardware.Status;
using Edge.Service.Status;

namespace Edge.Service.Tests.Status;

public sealed class TerminalLedViewTests
{
    private static readonly SensorStatus Alert = new(SensorState.Alert, "1 unacknowledged alert, high",
        new LedSignal(LedLights.Red, LedPattern.DoubleBlink), false);

    [Fact]
    public void Into_a_pipe_it_writes_one_line_per_state_and_nothing_per_blink()
    {
        var output = new StringWriter();
        var view = new TerminalLedView(output, interactive: false);

        view.OnStatus(Alert);
        view.OnLights(LedLights.Red);
        view.OnLights(LedLights.None);
        view.OnStatus(Alert with { Silenced = true, Signal = new LedSignal(LedLights.Red, LedPattern.SlowBlink) });

        Assert.Equal(
            "LEDs  red double blink  alert: 1 unacknowledged alert, high\n" +
            "LEDs  red slow blink  alert (silenced): 1 unacknowledged alert, high\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void On_a_terminal_it_redraws_one_line_with_the_lit_lamps_at_every_change()
    {
        var output = new StringWriter();
        var view = new TerminalLedView(output, interactive: true);

        view.OnStatus(Alert);
        view.OnLights(LedLights.Red);

        var frames = output.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, frames.Length);
        Assert.Contains("\u001b[1;31m●", frames[1], StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[1;32m●", frames[1], StringComparison.Ordinal);
        Assert.EndsWith("alert: 1 unacknowledged alert, high", frames[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LedLights.Red | LedLights.Amber, LedPattern.FastBlink, "amber+red fast blink")]
    [InlineData(LedLights.Green, LedPattern.Heartbeat, "green heartbeat")]
    [InlineData(LedLights.None, LedPattern.Steady, "dark")]
    [InlineData(LedLights.Green, LedPattern.Off, "dark")]
    public void Describes_a_signal_in_words(LedLights lights, LedPattern pattern, string words)
    {
        Assert.Equal(words, TerminalLedView.Describe(new LedSignal(lights, pattern)));
    }
}
