using System.Device.Gpio;

namespace Edge.Hardware.Gpio;

/// <summary>Where <see cref="BoardGpio"/> finds GPIO: the <c>dev</c> and <c>sys</c> trees under a root,
/// and how a chip is opened. The machine's is <see cref="Machine"/>; tests give a fake tree and driver.</summary>
internal sealed record GpioHost(string Root, Func<IReadOnlyList<GpioChipEntry>> LibraryChips, Func<int, GpioDriver> OpenChip)
{
    public static GpioHost Machine { get; } = new("/", LibgpiodChips.List, LibgpiodDrivers.Open);

    /// <summary>The chips from sysfs; from libgpiod where sysfs shows no labels (a kernel without the
    /// GPIO sysfs class), since only labels survive renumbering.</summary>
    public IReadOnlyList<GpioChipEntry> Chips()
    {
        var chips = GpioChips.List(Root);
        if (chips.Any(c => c.Label is not null))
            return chips;
        var library = LibraryChips();
        return library.Any(c => c.Label is not null) ? library : chips;
    }
}
