using System.Device.Gpio;
using Edge.Hardware.Boards;
using Edge.Hardware.Gpio;
using static Edge.Hardware.Tests.Gpio.SimulatedGpio;

namespace Edge.Hardware.Tests.Gpio;

public sealed class GpioBuzzerTests : IDisposable
{
    private readonly SimulatedGpio _gpio = new();

    public void Dispose() => _gpio.Dispose();

    [Fact]
    public void The_buzzer_starts_silent_and_sounds_on_request()
    {
        using var buzzer = new GpioBuzzer(_gpio.Controller, new PinSpec(24, ActiveLow: false));

        _gpio.Advance(500);
        buzzer.Sound(true);
        buzzer.Sound(true);
        _gpio.Advance(500);
        buzzer.Sound(false);

        Assert.Equal([At(24, PinValue.Low), At(24, PinValue.High, 500), At(24, PinValue.Low, 1000)], _gpio.Driver.Changes);
    }

    [Fact]
    public void An_active_low_buzzer_sounds_on_a_low_pin()
    {
        using var buzzer = new GpioBuzzer(_gpio.Controller, new PinSpec(24, ActiveLow: true));

        buzzer.Sound(true);

        Assert.Equal([At(24, PinValue.High), At(24, PinValue.Low)], _gpio.Driver.Changes);
    }

    [Fact]
    public void Dispose_silences_it_and_gives_the_pin_back()
    {
        var buzzer = new GpioBuzzer(_gpio.Controller, new PinSpec(24, ActiveLow: false));
        buzzer.Sound(true);

        buzzer.Dispose();
        buzzer.Sound(true);

        Assert.Equal([At(24, PinValue.Low), At(24, PinValue.High), At(24, PinValue.Low)], _gpio.Driver.Changes);
        Assert.False(_gpio.Controller.IsPinOpen(24));
    }
}
