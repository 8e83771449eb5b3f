using System.Device.Gpio;
using System.Device.Gpio.Drivers;

namespace Edge.Hardware.Gpio;

/// <summary>The chips as libgpiod lists them (the chip-info ioctl), for kernels whose sysfs shows no
/// labels. Empty where libgpiod is not installed.</summary>
internal static class LibgpiodChips
{
    public static IReadOnlyList<GpioChipEntry> List()
    {
        foreach (var list in (ReadOnlySpan<Func<IList<GpioChipInfo>>>)[LibGpiodDriver.GetAvailableChips, LibGpiodV2Driver.GetAvailableChips])
        {
            try
            {
                return [.. list().Select(c => new GpioChipEntry(c.Id, string.IsNullOrEmpty(c.Label) ? null : c.Label)).OrderBy(c => c.Number)];
            }
            catch (Exception)
            {
                // Missing library (DllNotFound, or a type initializer that failed on it): try the other ABI.
            }
        }
        return [];
    }
}
