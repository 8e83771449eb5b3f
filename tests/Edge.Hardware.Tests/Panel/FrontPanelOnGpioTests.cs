using System.Device.Gpio;
using Edge.Hardware.Boards;
using Edge.Hardware.Button;
using Edge.Hardware.Gpio;
using Edge.Hardware.Leds;
using Edge.Hardware.Status;
using Edge.Hardware.Tests.Gpio;

namespace Edge.Hardware.Tests.Panel;

/// <summary>The whole front panel as the service wires it, on the Pi 4 profile through a real
/// GpioController over the simulated driver: status model → scheduler → pins, and the button pin →
/// debounce → gestures. Every assertion is on the pin changes the driver recorded.</summary>
public sealed class FrontPanelOnGpioTests : IDisposable
{
    private static readonly BoardProfile Pi4 = BoardProfiles.Load("raspberry-pi-4");
    private readonly SimulatedGpio _gpio = new();
    private readonly GpioIndicatorLights _lights;
    private readonly LedScheduler _leds;
    private readonly StatusModel _model;

    public FrontPanelOnGpioTests()
    {
        _lights = new GpioIndicatorLights(_gpio.Controller, Pi4.Leds);
        _leds = new LedScheduler(_lights, _gpio.Time);
        _model = new StatusModel(_gpio.Time);
    }

    public void Dispose()
    {
        _leds.Dispose();
        _lights.Dispose();
        _gpio.Dispose();
    }

    private static int Green => Pi4.Leds.Green.Pin;
    private static int Red => Pi4.Leds.Red.Pin;

    private static HealthInputs Healthy => new() { Started = true, UplinkConnected = true };

    /// <summary>One millisecond at a time: the fake clock fires a timer at the time it is moved to.</summary>
    private void Step(int milliseconds)
    {
        for (var i = 0; i < milliseconds; i++)
            _gpio.Time.SetUtcNow(_gpio.Time.GetUtcNow().AddMilliseconds(1));
    }

    /// <summary>The pin's changes recorded since <paramref name="mark"/> changes had been recorded.</summary>
    private List<PinChange> ChangesSince(int mark, int pin) =>
        _gpio.Driver.Changes.Skip(mark).Where(c => c.Pin == pin).ToList();

    private int Mark => _gpio.Driver.Changes.Count;

    private static PinValue On(PinSpec spec) => spec.ActiveLow ? PinValue.Low : PinValue.High;
    private static PinValue Off(PinSpec spec) => spec.ActiveLow ? PinValue.High : PinValue.Low;

    [Fact]
    public void Monitoring_beats_the_green_pin_and_a_high_alert_then_its_ack_move_the_pins_at_exact_times()
    {
        var start = _gpio.Time.GetUtcNow();
        var started = Mark;
        _leds.Show(_model.Update(Healthy).Signal);
        Step(2000);
        Assert.Equal(
            [new(Green, On(Pi4.Leds.Green), start), new(Green, Off(Pi4.Leds.Green), start.AddMilliseconds(100)),
             new(Green, On(Pi4.Leds.Green), start.AddMilliseconds(250)), new(Green, Off(Pi4.Leds.Green), start.AddMilliseconds(350)),
             new PinChange(Green, On(Pi4.Leds.Green), start.AddMilliseconds(2000))],
            ChangesSince(started, Green));

        var alertAt = _gpio.Time.GetUtcNow();
        var alerted = Mark;
        _leds.Show(_model.Update(Healthy with { OpenAlert = OpenAlertLevel.High, OpenAlertCount = 1 }).Signal);
        Step(1500);
        Assert.Equal(new PinChange(Green, Off(Pi4.Leds.Green), alertAt), ChangesSince(alerted, Green).Single());
        Assert.Equal(
            [new(Red, On(Pi4.Leds.Red), alertAt), new(Red, Off(Pi4.Leds.Red), alertAt.AddMilliseconds(150)),
             new(Red, On(Pi4.Leds.Red), alertAt.AddMilliseconds(300)), new(Red, Off(Pi4.Leds.Red), alertAt.AddMilliseconds(450)),
             new PinChange(Red, On(Pi4.Leds.Red), alertAt.AddMilliseconds(1500))],
            ChangesSince(alerted, Red));

        var ackAt = _gpio.Time.GetUtcNow();
        var acknowledged = Mark;
        _leds.Show(_model.Update(Healthy).Signal);
        Assert.Equal(SensorState.Monitoring, _model.Current.State);
        Assert.Equal(new PinChange(Red, Off(Pi4.Leds.Red), ackAt), ChangesSince(acknowledged, Red).Single());
        Assert.Equal(new PinChange(Green, On(Pi4.Leds.Green), ackAt), ChangesSince(acknowledged, Green).Single());
    }

    [Fact]
    public void The_button_pin_bounces_are_ignored_a_short_press_silences_and_a_5_s_hold_runs_the_LED_test()
    {
        using var button = new GpioButton(_gpio.Controller, Pi4.Button!);
        using var gestures = new ButtonGestures(button, _gpio.Time);
        var shortPresses = 0;
        var tests = 0;
        gestures.ShortPress += () => shortPresses++;
        gestures.LedTestRequested += () => tests++;
        var pin = Pi4.Button!.Pin;
        var pressed = Pi4.Button.ActiveLow ? PinValue.Low : PinValue.High;
        var released = Pi4.Button.ActiveLow ? PinValue.High : PinValue.Low;

        // Contact bounce: 5 ms pulses never last the 30 ms debounce.
        for (var i = 0; i < 4; i++)
        {
            _gpio.Driver.SetInput(pin, pressed);
            Step(5);
            _gpio.Driver.SetInput(pin, released);
            Step(5);
        }
        Step(100);
        Assert.Equal(ButtonPhase.Idle, gestures.Phase);

        _gpio.Driver.SetInput(pin, pressed);
        Step(300);
        _gpio.Driver.SetInput(pin, released);
        Step(100);
        Assert.Equal(1, shortPresses);

        _gpio.Driver.SetInput(pin, pressed);
        Step(6000);
        _gpio.Driver.SetInput(pin, released);
        Step(100);
        Assert.Equal((1, 1), (shortPresses, tests));
    }
}
