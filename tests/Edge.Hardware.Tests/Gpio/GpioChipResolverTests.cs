using Edge.Hardware.Boards;
using Edge.Hardware.Gpio;

namespace Edge.Hardware.Tests.Gpio;

public sealed class GpioChipResolverTests
{
    private static readonly GpioChipSpec s_pi5 = BoardProfiles.Load("raspberry-pi-5").GpioChip;
    private static readonly GpioChipSpec s_pi4 = BoardProfiles.Load("raspberry-pi-4").GpioChip;

    [Fact]
    public void The_pi_5_label_picks_chip_4_on_a_kernel_before_6_6_45()
    {
        using var sys = FakeSysfs.Pi5BeforeKernel6_6_45();

        Assert.True(GpioChipResolver.TryResolve(s_pi5, GpioChips.List(sys.Root), out var chip, out var reason));

        Assert.Equal(new ResolvedGpioChip(4, "pinctrl-rp1", ByLabel: true), chip);
        Assert.Equal("gpiochip4 (pinctrl-rp1)", chip.ToString());
        Assert.Equal("gpiochip4 (pinctrl-rp1), found by its label", reason);
    }

    [Fact]
    public void The_pi_5_label_picks_chip_0_on_a_renumbering_kernel()
    {
        using var sys = FakeSysfs.Pi5FromKernel6_6_45();

        Assert.True(GpioChipResolver.TryResolve(s_pi5, GpioChips.List(sys.Root), out var chip, out _));

        Assert.Equal(new ResolvedGpioChip(0, "pinctrl-rp1", ByLabel: true), chip);
    }

    [Fact]
    public void The_pi_4_label_picks_chip_0()
    {
        using var sys = FakeSysfs.Pi4();

        Assert.True(GpioChipResolver.TryResolve(s_pi4, GpioChips.List(sys.Root), out var chip, out _));

        Assert.Equal(0, chip.Number);
    }

    [Fact]
    public void Where_no_label_can_be_read_the_fallback_number_is_used()
    {
        GpioChipEntry[] chips = [new(0, null), new(4, null)];

        Assert.True(GpioChipResolver.TryResolve(s_pi5, chips, out var chip, out var reason));

        Assert.Equal(new ResolvedGpioChip(4, null, ByLabel: false), chip);
        Assert.Equal("gpiochip4, the profile's fallback number (no chip label could be read to find pinctrl-rp1)", reason);
    }

    [Fact]
    public void Labels_that_do_not_match_are_refused_not_guessed()
    {
        using var sys = FakeSysfs.Laptop();

        Assert.False(GpioChipResolver.TryResolve(s_pi4, GpioChips.List(sys.Root), out var chip, out var reason));

        Assert.Null(chip);
        Assert.Equal("no GPIO chip is labelled pinctrl-bcm2711 (found gpiochip0 (INT34C5:00))", reason);
    }

    [Fact]
    public void A_pi_4_profile_on_a_pi_5_is_refused()
    {
        using var sys = FakeSysfs.Pi5FromKernel6_6_45();

        Assert.False(GpioChipResolver.TryResolve(s_pi4, GpioChips.List(sys.Root), out _, out var reason));

        Assert.StartsWith("no GPIO chip is labelled pinctrl-bcm2711 (found gpiochip0 (pinctrl-rp1), gpiochip10", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_labels_a_missing_fallback_number_is_refused()
    {
        Assert.False(GpioChipResolver.TryResolve(s_pi5, [new GpioChipEntry(0, null)], out _, out var reason));

        Assert.Equal("no gpiochip4 (found gpiochip0)", reason);
    }

    [Fact]
    public void A_profile_without_a_label_uses_its_number()
    {
        Assert.True(GpioChipResolver.TryResolve(new GpioChipSpec(null, 2), [new(0, "a"), new(2, "b")], out var chip, out var reason));

        Assert.Equal(new ResolvedGpioChip(2, null, ByLabel: false), chip);
        Assert.Equal("gpiochip2, the profile's chip number", reason);
    }
}
