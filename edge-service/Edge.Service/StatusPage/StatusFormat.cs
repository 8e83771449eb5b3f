using System.Globalization;

namespace Edge.Service.StatusPage;

/// <summary>How the page shows a value. The inline script has the same formats by the same names
/// (<see cref="PageScript"/>), so a refresh reads exactly like the server-rendered page.</summary>
internal static class StatusFormat
{
    public const string Text = "text";
    public const string Count = "count";
    public const string Bytes = "bytes";
    public const string Time = "time";
    public const string YesNo = "yesno";
    public const string Celsius = "celsius";
    public const string Uptime = "uptime";
    public const string Gpio = "gpio";
    public const string Silenced = "silenced";

    private static readonly string[] s_units = ["KiB", "MiB", "GiB", "TiB"];

    public static string OfText(string? value) => string.IsNullOrEmpty(value) ? "–" : value;

    public static string OfCount(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string OfBytes(long value)
    {
        if (value < 1024)
            return OfCount(value) + " B";
        double scaled = value;
        var unit = -1;
        while (scaled >= 1024 && unit < s_units.Length - 1)
        {
            scaled /= 1024;
            unit++;
        }
        return scaled.ToString("0.0", CultureInfo.InvariantCulture) + " " + s_units[unit];
    }

    public static string OfTime(DateTimeOffset? value) =>
        value is { } time ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "never";

    public static string OfYesNo(bool value) => value ? "yes" : "no";

    public static string OfCelsius(double? value) =>
        value is { } celsius ? celsius.ToString("0.0", CultureInfo.InvariantCulture) + " °C" : "n/a";

    public static string OfGpio(bool simulated) => simulated ? "simulated" : "real";

    public static string OfSilenced(bool silenced) => silenced ? " · alert pattern silenced" : "";

    /// <summary>"3d 04:05:06", or "04:05:06" under a day.</summary>
    public static string OfUptime(DateTimeOffset started, DateTimeOffset now)
    {
        var seconds = Math.Max(0, (long)(now - started).TotalSeconds);
        var clock = string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600 % 24:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");
        return seconds >= 86400 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 86400}d {clock}") : clock;
    }
}
