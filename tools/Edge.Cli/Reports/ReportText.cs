using System.Globalization;

namespace Edge.Cli.Reports;

/// <summary>How numbers, times and lengths read in every format (invariant culture, times at the report's offset).</summary>
public static class ReportText
{
    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Time(long unixMs, TimeSpan offset) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToOffset(offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + Offset(offset);

    public static string Time(DateTimeOffset time, TimeSpan offset) => Time(time.ToUnixTimeMilliseconds(), offset);

    /// <summary>RFC 3339 at the offset, for machines (csv).</summary>
    public static string Instant(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + Offset(time.Offset);

    public static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>3 d 4 h, 2 h 5 min, 12 min, 40 s.</summary>
    public static string Length(TimeSpan length)
    {
        if (length.TotalDays >= 1)
            return $"{(int)length.TotalDays} d {length.Hours} h";
        if (length.TotalHours >= 1)
            return $"{(int)length.TotalHours} h {length.Minutes} min";
        return length.TotalMinutes >= 1 ? $"{(int)length.TotalMinutes} min" : $"{(int)length.TotalSeconds} s";
    }

    /// <summary>Two decimals, rounded down, so a sensor that missed a minute never shows 100.00 %.</summary>
    public static string Percent(double? value) =>
        value is { } v ? (Math.Floor(v * 100) / 100).ToString("0.00", CultureInfo.InvariantCulture) + " %" : "n/a";

    public static string UnitName(TrendUnit unit) => unit switch { TrendUnit.Day => "day", TrendUnit.Week => "week", _ => "month" };
}
