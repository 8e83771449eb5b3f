using System.Device.Gpio;
using Edge.Hardware.Boards;
using Edge.Hardware.Gpio;
using Edge.Hardware.Leds;
using static Edge.Hardware.Tests.Gpio.SimulatedGpio;

namespace Edge.Hardware.Tests.Gpio;

public sealed class GpioIndicatorLightsTests : IDisposable
{
    private static readonly PinValue High = PinValue.High;
    private static readonly PinValue Low = PinValue.Low;

    private readonly SimulatedGpio _gpio = new();

    public void Dispose() => _gpio.Dispose();

    private static LedWiring Traffic(bool activeLow) =>
        LedWiring.Traffic(green: new PinSpec(17, activeLow), amber: new PinSpec(27, activeLow), red: new PinSpec(22, activeLow));

    private static LedWiring Rgb(bool activeLow, bool blue = true) =>
        LedWiring.Rgb(red: new PinSpec(22, activeLow), green: new PinSpec(17, activeLow), blue: blue ? new PinSpec(27, activeLow) : null);

    [Fact]
    public void A_traffic_set_opens_every_lamp_dark()
    {
        using var lights = new GpioIndicatorLights(_gpio.Controller, Traffic(activeLow: false));

        Assert.Equal([At(17, Low), At(27, Low), At(22, Low)], _gpio.Driver.Changes);
        Assert.All([17, 27, 22], pin => Assert.Equal(PinMode.Output, _gpio.Controller.GetPinMode(pin)));
    }

    [Fact]
    public void A_traffic_set_lights_each_lamp_on_its_own_pin_and_writes_only_changes()
    {
        using var lights = new GpioIndicatorLights(_gpio.Controller, Traffic(activeLow: false));

        _gpio.Advance(100);
        lights.Show(LedLights.Green);
        _gpio.Advance(100);
        lights.Show(LedLights.Green);
        lights.Show(LedLights.Red | LedLights.Amber);
        _gpio.Advance(100);
        lights.Show(LedLights.None);

        Assert.Equal(
        [
            At(17, Low), At(27, Low), At(22, Low),
            At(17, High, 100),
            At(17, Low, 200), At(27, High, 200), At(22, High, 200),
            At(27, Low, 300), At(22, Low, 300),
        ], _gpio.Driver.Changes);
    }

    [Fact]
    public void Active_low_lamps_are_lit_by_a_low_pin()
    {
        using var lights = new GpioIndicatorLights(_gpio.Controller, Traffic(activeLow: true));

        _gpio.Advance(50);
        lights.Show(LedLights.Red);

        Assert.Equal([At(17, High), At(27, High), At(22, High), At(22, Low, 50)], _gpio.Driver.Changes);
    }

    [Fact]
    public void Dispose_darkens_every_lamp_and_gives_the_pins_back()
    {
        var lights = new GpioIndicatorLights(_gpio.Controller, Traffic(activeLow: true));
        lights.Show(LedLights.All);
        _gpio.Advance(10);

        lights.Dispose();
        lights.Show(LedLights.All);

        Assert.Equal([At(17, High, 10), At(27, High, 10), At(22, High, 10)], _gpio.Driver.Changes.TakeLast(3));
        Assert.Equal(9, _gpio.Driver.Changes.Count);
        Assert.All([17, 27, 22], pin => Assert.False(_gpio.Controller.IsPinOpen(pin)));
    }

    [Fact]
    public void Disposing_after_the_controller_does_not_throw()
    {
        var lights = new GpioIndicatorLights(_gpio.Controller, Traffic(activeLow: false));

        _gpio.Controller.Dispose();
        lights.Dispose();
    }

    [Theory]
    [InlineData(LedLights.None, false, false, false)]
    [InlineData(LedLights.Green, false, true, false)]
    [InlineData(LedLights.Amber, true, true, false)]
    [InlineData(LedLights.Red, true, false, false)]
    [InlineData(LedLights.Red | LedLights.Green, true, true, false)]
    [InlineData(LedLights.Red | LedLights.Amber, true, true, false)]
    [InlineData(LedLights.All, true, true, true)]
    public void An_rgb_led_mixes_the_lamps(LedLights lit, bool red, bool green, bool blue)
    {
        using var lights = new GpioIndicatorLights(_gpio.Controller, Rgb(activeLow: false));

        lights.Show(lit);

        Assert.Equal((red, green, blue), (Lit(22, activeLow: false), Lit(17, activeLow: false), Lit(27, activeLow: false)));
    }

    [Fact]
    public void A_common_anode_rgb_led_shows_amber_by_pulling_red_and_green_low()
    {
        using var lights = new GpioIndicatorLights(_gpio.Controller, Rgb(activeLow: true));

        _gpio.Advance(20);
        lights.Show(LedLights.Amber);
        _gpio.Advance(20);
        lights.Show(LedLights.Red);

        Assert.Equal(
        [
            At(22, High), At(17, High), At(27, High),
            At(22, Low, 20), At(17, Low, 20),
            At(17, High, 40),
        ], _gpio.Driver.Changes);
    }

    [Fact]
    public void An_rgb_led_without_blue_opens_two_pins()
    {
        using var lights = new GpioIndicatorLights(_gpio.Controller, Rgb(activeLow: false, blue: false));

        lights.Show(LedLights.All);

        Assert.Equal([At(22, Low), At(17, Low), At(22, High), At(17, High)], _gpio.Driver.Changes);
        Assert.False(_gpio.Controller.IsPinOpen(27));
    }

    [Fact]
    public void A_pin_another_device_holds_is_refused_and_nothing_stays_open()
    {
        _gpio.Controller.OpenPin(27, PinMode.InputPullUp);

        Assert.Throws<InvalidOperationException>(() => new GpioIndicatorLights(_gpio.Controller, Traffic(activeLow: false)));

        Assert.False(_gpio.Controller.IsPinOpen(17));
        Assert.False(_gpio.Controller.IsPinOpen(22));
        Assert.Equal(PinMode.InputPullUp, _gpio.Controller.GetPinMode(27));
    }

    private bool Lit(int pin, bool activeLow) => (_gpio.Controller.Read(pin) == Low) == activeLow;
}
