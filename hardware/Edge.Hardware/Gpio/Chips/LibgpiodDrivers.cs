using System.Device.Gpio;
using System.Device.Gpio.Drivers;

namespace Edge.Hardware.Gpio;

internal static class LibgpiodDrivers
{
    /// <summary>The libgpiod driver for a chip: the v1 ABI (libgpiod.so.2, Raspberry Pi OS Bookworm), else
    /// the v2 ABI (libgpiod.so.3, Trixie), in the order the library's own <c>UnixDriver.Create</c> tries them.</summary>
    /// <exception cref="PlatformNotSupportedException">Neither libgpiod is installed.</exception>
    public static GpioDriver Open(int chip)
    {
        if (GpioDriver.TryCreate(() => new LibGpiodDriver(chip), out var v1))
            return v1;
        if (GpioDriver.TryCreate(() => new LibGpiodV2Driver(chip), out var v2))
            return v2;
        throw new PlatformNotSupportedException("libgpiod is not installed: apt install libgpiod2 (Bookworm) or libgpiod3 (Trixie)");
    }
}
