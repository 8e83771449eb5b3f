namespace Edge.Hardware.Gpio;

/// <summary>Lists the GPIO chips from sysfs under a root (<c>/</c> on the machine, a fake tree in tests).</summary>
public static class GpioChips
{
    private const string ChipPrefix = "gpiochip";

    /// <summary>The chips in <c>sys/bus/gpio/devices</c>, else the <c>dev/gpiochip*</c> nodes without
    /// labels, ordered by number. Labels come from the sysfs GPIO class: <c>sys/class/gpio/chipN/label</c>
    /// (kernel 6.17 on) or the legacy <c>gpiochipBASE/label</c> beside the chip's device.</summary>
    public static IReadOnlyList<GpioChipEntry> List(string root = "/")
    {
        var bus = Path.Combine(root, "sys", "bus", "gpio", "devices");
        var chips = Directory.Exists(bus)
            ? Numbered(bus).Select(c => new GpioChipEntry(c.Number, Label(root, c.Path, c.Number)))
            : Numbered(Path.Combine(root, "dev")).Select(c => new GpioChipEntry(c.Number, null));
        return [.. chips.OrderBy(c => c.Number)];
    }

    /// <summary>Whether any <c>dev/gpiochip*</c> exists under the root: the machine has GPIO at all.</summary>
    public static bool AnyDevice(string root = "/") => Numbered(Path.Combine(root, "dev")).Any();

    private static IEnumerable<(int Number, string Path)> Numbered(string directory)
    {
        if (!Directory.Exists(directory))
            yield break;
        foreach (var path in Directory.EnumerateFileSystemEntries(directory, ChipPrefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(path).AsSpan(ChipPrefix.Length), out var number) && number >= 0)
                yield return (number, path);
        }
    }

    private static string? Label(string root, string chipPath, int number) =>
        ReadLabel(Path.Combine(root, "sys", "class", "gpio", $"chip{number}", "label")) ?? LegacyLabel(chipPath);

    /// <summary>The legacy class device is named by GPIO base, not chip number, and lives under the chip's
    /// parent device (or the chip itself when it has none), so it is found through the real path of the
    /// bus link. Several chips under one parent with different labels cannot be told apart: null then.</summary>
    private static string? LegacyLabel(string chipPath)
    {
        string real;
        try
        {
            real = new DirectoryInfo(chipPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? chipPath;
        }
        catch (IOException)
        {
            return null;
        }
        foreach (var device in (ReadOnlySpan<string?>)[real, Path.GetDirectoryName(real)])
        {
            var classDir = device is null ? null : Path.Combine(device, "gpio");
            if (classDir is null || !Directory.Exists(classDir))
                continue;
            var labels = Directory.EnumerateDirectories(classDir, ChipPrefix + "*")
                .Select(d => ReadLabel(Path.Combine(d, "label")))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (labels.Count > 0)
                return labels.Count == 1 ? labels[0] : null;
        }
        return null;
    }

    private static string? ReadLabel(string path)
    {
        try
        {
            var label = File.ReadAllText(path).Trim();
            return label.Length == 0 ? null : label;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
