namespace Edge.Hardware.Tests.Gpio;

/// <summary>A throwaway <c>/dev</c> and <c>/sys</c> tree shaped like the kernel's: each chip a device
/// under <c>sys/devices</c>, linked from <c>sys/bus/gpio/devices</c>, its legacy class directory
/// <c>gpio/gpiochipBASE/label</c> beside it under the parent device, and a <c>dev/gpiochipN</c> node.</summary>
internal sealed class FakeSysfs : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("edge-sysfs-").FullName;

    public static FakeSysfs Pi5BeforeKernel6_6_45() => new FakeSysfs()
        .Chip(0, "platform/soc/107d508500.gpio", 512, "gpio-brcmstb@107d508500")
        .Chip(1, "platform/soc/107d508500.gpio", 544, "gpio-brcmstb@107d508520")
        .Chip(2, "platform/soc/107d517c00.gpio", 548, "gpio-brcmstb@107d517c00")
        .Chip(3, "platform/soc/107d517c00.gpio", 565, "gpio-brcmstb@107d517c20")
        .Chip(4, "platform/axi/1000120000.pcie/1f000d0000.gpio", 571, "pinctrl-rp1");

    public static FakeSysfs Pi5FromKernel6_6_45() => new FakeSysfs()
        .Chip(0, "platform/axi/1000120000.pcie/1f000d0000.gpio", 569, "pinctrl-rp1")
        .Chip(10, "platform/soc/107d508500.gpio", 512, "gpio-brcmstb@107d508500")
        .Chip(11, "platform/soc/107d508500.gpio", 544, "gpio-brcmstb@107d508520")
        .Chip(12, "platform/soc/107d517c00.gpio", 548, "gpio-brcmstb@107d517c00")
        .Chip(13, "platform/soc/107d517c00.gpio", 565, "gpio-brcmstb@107d517c20");

    public static FakeSysfs Pi4() => new FakeSysfs()
        .Chip(0, "platform/soc/fe200000.gpio", 512, "pinctrl-bcm2711")
        .Chip(1, "platform/soc/soc:firmware/soc:firmware:gpio", 570, "raspberrypi-exp-gpio");

    public static FakeSysfs Laptop() => new FakeSysfs().Chip(0, "platform/INT34C5:00", 512, "INT34C5:00");

    /// <param name="legacyLabel">Null for a kernel built without the GPIO sysfs class.</param>
    public FakeSysfs Chip(int number, string parent, int legacyBase, string? legacyLabel)
    {
        var device = Directory.CreateDirectory(Path.Combine(Root, "sys", "devices", parent, $"gpiochip{number}")).FullName;
        var bus = Directory.CreateDirectory(Path.Combine(Root, "sys", "bus", "gpio", "devices")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(bus, $"gpiochip{number}"), Path.GetRelativePath(bus, device));
        if (legacyLabel is not null)
        {
            var legacy = Directory.CreateDirectory(Path.Combine(Root, "sys", "devices", parent, "gpio", $"gpiochip{legacyBase}")).FullName;
            File.WriteAllText(Path.Combine(legacy, "label"), legacyLabel + "\n");
        }
        return Device(number);
    }

    /// <summary>The per-chip class directory of kernel 6.17 on, named by chip number.</summary>
    public FakeSysfs ChipClassLabel(int number, string label)
    {
        var dir = Directory.CreateDirectory(Path.Combine(Root, "sys", "class", "gpio", $"chip{number}")).FullName;
        File.WriteAllText(Path.Combine(dir, "label"), label + "\n");
        return this;
    }

    public FakeSysfs Device(int number)
    {
        var dev = Directory.CreateDirectory(Path.Combine(Root, "dev")).FullName;
        File.WriteAllText(Path.Combine(dev, $"gpiochip{number}"), "");
        return this;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
