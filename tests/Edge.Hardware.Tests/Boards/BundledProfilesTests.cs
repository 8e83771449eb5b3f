using Edge.Hardware.Boards;

namespace Edge.Hardware.Tests.Boards;

public sealed class BundledProfilesTests
{
    [Fact]
    public void Three_profiles_are_bundled_by_name()
    {
        Assert.Equal(["compute-module-4", "raspberry-pi-4", "raspberry-pi-5"], BoardProfiles.Names);
    }

    [Theory]
    [InlineData("raspberry-pi-4", "pinctrl-bcm2711", 0)]
    [InlineData("raspberry-pi-5", "pinctrl-rp1", 4)]
    [InlineData("compute-module-4", "pinctrl-bcm2711", 0)]
    public void Every_bundled_profile_loads_with_its_chip(string name, string label, int number)
    {
        var profile = BoardProfiles.Load(name);

        Assert.Equal(name, profile.Name);
        Assert.Equal(new GpioChipSpec(label, number), profile.GpioChip);
        Assert.Equal(Enumerable.Range(2, 26), profile.UsablePins);
        Assert.NotEmpty(profile.ModelPrefixes);
    }

    [Theory]
    [InlineData("raspberry-pi-4")]
    [InlineData("raspberry-pi-5")]
    [InlineData("compute-module-4")]
    public void Every_bundled_profile_uses_the_wiring_in_the_hardware_readme(string name)
    {
        var profile = BoardProfiles.Load(name);

        Assert.Equal(LedWiring.Traffic(new PinSpec(17, false), new PinSpec(27, false), new PinSpec(22, false)), profile.Leds);
        Assert.Equal(new ButtonSpec(23, ActiveLow: true, ButtonPull.Up), profile.Button);
        Assert.Equal(new PinSpec(24, false), profile.Buzzer);
    }

    [Theory]
    [InlineData("raspberry-pi-4")]
    [InlineData("raspberry-pi-5")]
    [InlineData("compute-module-4")]
    public void Every_bundled_profile_reserves_the_eeprom_and_uart_pins_with_reasons(string name)
    {
        var reserved = BoardProfiles.Load(name).ReservedPins;

        Assert.Equal([0, 1, 14, 15], reserved.Select(r => r.Pin));
        Assert.Contains("EEPROM", reserved[0].Reason, StringComparison.Ordinal);
        Assert.Contains("EEPROM", reserved[1].Reason, StringComparison.Ordinal);
        Assert.Contains("UART", reserved[2].Reason, StringComparison.Ordinal);
        Assert.Contains("UART", reserved[3].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_bundled_names()
    {
        var e = Assert.Throws<BoardProfileException>(() => BoardProfiles.Load("raspberry-pi-3"));

        Assert.Contains("compute-module-4, raspberry-pi-4, raspberry-pi-5", e.Message, StringComparison.Ordinal);
    }
}
