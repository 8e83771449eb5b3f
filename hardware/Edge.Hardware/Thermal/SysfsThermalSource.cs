using System.Globalization;
using System.Text;

namespace Edge.Hardware.Thermal;

/// <summary>A Linux thermal zone (<c>/sys/class/thermal/thermal_zone0/temp</c>): one integer of
/// millidegrees Celsius, such as <c>48312\n</c>. A missing, unreadable or garbled file reads as null;
/// reading never throws and never takes more than a few bytes.</summary>
public sealed class SysfsThermalSource : IThermalSource
{
    // "-273150\n" is 8 bytes; anything that fills the buffer is not a temperature.
    private const int MaxBytes = 32;

    public SysfsThermalSource(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
    }

    public string Path { get; }

    public double? ReadCelsius()
    {
        Span<byte> buffer = stackalloc byte[MaxBytes];
        int read;
        try
        {
            using var file = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            read = RandomAccess.Read(file, buffer, fileOffset: 0);
        }
        catch (Exception)
        {
            return null;
        }
        if (read == MaxBytes)
            return null;
        var text = buffer[..read];
        text = text[Ascii.Trim(text)];
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var millidegrees)
            ? millidegrees / 1000.0
            : null;
    }
}
