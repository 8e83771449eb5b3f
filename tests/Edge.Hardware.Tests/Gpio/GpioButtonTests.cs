using System.Device.Gpio;
using Edge.Hardware.Boards;
using Edge.Hardware.Gpio;

namespace Edge.Hardware.Tests.Gpio;

public sealed class GpioButtonTests : IDisposable
{
    private readonly SimulatedGpio _gpio = new();

    public void Dispose() => _gpio.Dispose();

    [Theory]
    [InlineData(ButtonPull.Up, PinMode.InputPullUp)]
    [InlineData(ButtonPull.Down, PinMode.InputPullDown)]
    [InlineData(ButtonPull.None, PinMode.Input)]
    public void The_pin_gets_the_profiles_pull(ButtonPull pull, PinMode mode)
    {
        using var button = new GpioButton(_gpio.Controller, new ButtonSpec(23, ActiveLow: pull != ButtonPull.Down, pull));

        Assert.Equal(mode, _gpio.Controller.GetPinMode(23));
    }

    [Fact]
    public void An_active_low_button_is_pressed_when_it_pulls_the_pin_to_ground()
    {
        using var button = new GpioButton(_gpio.Controller, new ButtonSpec(23, ActiveLow: true, ButtonPull.Up));
        var heard = new List<bool>();
        button.Changed += heard.Add;

        Assert.False(button.IsPressed);
        _gpio.Driver.SetInput(23, PinValue.Low);
        Assert.True(button.IsPressed);
        _gpio.Driver.SetInput(23, PinValue.High);

        Assert.Equal([true, false], heard);
        Assert.False(button.IsPressed);
    }

    [Fact]
    public void An_active_high_button_is_pressed_when_it_pulls_the_pin_high()
    {
        using var button = new GpioButton(_gpio.Controller, new ButtonSpec(23, ActiveLow: false, ButtonPull.Down));
        var heard = new List<bool>();
        button.Changed += heard.Add;

        Assert.False(button.IsPressed);
        _gpio.Driver.SetInput(23, PinValue.High);

        Assert.Equal([true], heard);
        Assert.True(button.IsPressed);
    }

    [Fact]
    public void Every_bounce_is_reported()
    {
        using var button = new GpioButton(_gpio.Controller, new ButtonSpec(23, ActiveLow: true, ButtonPull.Up));
        var heard = new List<bool>();
        button.Changed += heard.Add;

        foreach (var level in new[] { 0, 1, 0, 1, 0 })
            _gpio.Driver.SetInput(23, level);

        Assert.Equal([true, false, true, false, true], heard);
    }

    [Fact]
    public void A_disposed_button_is_silent_and_gives_its_pin_back()
    {
        var button = new GpioButton(_gpio.Controller, new ButtonSpec(23, ActiveLow: true, ButtonPull.Up));
        var heard = 0;
        button.Changed += _ => heard++;

        button.Dispose();
        _gpio.Driver.SetInput(23, PinValue.Low);

        Assert.Equal(0, heard);
        Assert.False(_gpio.Controller.IsPinOpen(23));
        Assert.Throws<ObjectDisposedException>(() => button.IsPressed);
    }

    [Fact]
    public void The_button_leaves_no_output_changes()
    {
        using var button = new GpioButton(_gpio.Controller, new ButtonSpec(23, ActiveLow: true, ButtonPull.Up));

        _gpio.Driver.SetInput(23, PinValue.Low);

        Assert.Empty(_gpio.Driver.Changes);
    }
}
