using Edge.Hardware.Gpio;

namespace Edge.Hardware.Tests.Gpio;

public sealed class GpioChipsTests
{
    [Fact]
    public void A_pi_4_lists_its_header_chip_by_label()
    {
        using var sys = FakeSysfs.Pi4();

        Assert.Equal([new GpioChipEntry(0, "pinctrl-bcm2711"), new GpioChipEntry(1, "raspberrypi-exp-gpio")], GpioChips.List(sys.Root));
    }

    [Fact]
    public void Two_chips_of_one_device_with_different_labels_are_left_unlabelled()
    {
        using var sys = FakeSysfs.Pi5BeforeKernel6_6_45();

        Assert.Equal(
        [
            new GpioChipEntry(0, null), new GpioChipEntry(1, null), new GpioChipEntry(2, null), new GpioChipEntry(3, null),
            new GpioChipEntry(4, "pinctrl-rp1"),
        ], GpioChips.List(sys.Root));
    }

    [Fact]
    public void The_per_chip_class_label_of_newer_kernels_comes_first()
    {
        using var sys = new FakeSysfs()
            .Chip(0, "platform/soc/107d508500.gpio", 512, legacyLabel: null)
            .Chip(1, "platform/soc/107d508500.gpio", 544, legacyLabel: null)
            .ChipClassLabel(1, "gpio-brcmstb@107d508520");

        Assert.Equal([new GpioChipEntry(0, null), new GpioChipEntry(1, "gpio-brcmstb@107d508520")], GpioChips.List(sys.Root));
    }

    [Fact]
    public void Without_the_gpio_bus_in_sysfs_the_dev_nodes_are_listed_without_labels()
    {
        using var sys = new FakeSysfs().Device(4).Device(0);

        Assert.Equal([new GpioChipEntry(0, null), new GpioChipEntry(4, null)], GpioChips.List(sys.Root));
        Assert.True(GpioChips.AnyDevice(sys.Root));
    }

    [Fact]
    public void An_empty_tree_has_no_chips()
    {
        using var sys = new FakeSysfs();

        Assert.Empty(GpioChips.List(sys.Root));
        Assert.False(GpioChips.AnyDevice(sys.Root));
    }
}
