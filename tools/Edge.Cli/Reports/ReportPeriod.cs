using System.Globalization;
using System.Text.RegularExpressions;

namespace Edge.Cli.Reports;

/// <summary>The span a report covers: [<see cref="From"/>, <see cref="To"/>), start included, end
/// excluded, so consecutive periods never count an alert twice. Calendar boundaries (midnight, the
/// first of a month) are taken at the report's UTC offset: <c>2026-H1</c> at +07:00 starts at
/// 2026-01-01T00:00+07:00.</summary>
public sealed partial record ReportPeriod(DateTimeOffset From, DateTimeOffset To, string Label)
{
    public TimeSpan Offset => From.Offset;

    public long FromMs => From.ToUnixTimeMilliseconds();

    public long ToMs => To.ToUnixTimeMilliseconds();

    /// <summary><c>2026-H1</c> is 1 January to 1 July (excluded); <c>2026-H2</c> is 1 July to the next 1 January (excluded).</summary>
    public static bool TryParseHalf(string text, TimeSpan offset, out ReportPeriod period, out string error)
    {
        period = null!;
        var match = HalfPattern().Match(text);
        if (!match.Success)
        {
            error = $"--half '{text}' is not YEAR-H1 or YEAR-H2 (e.g. 2026-H1)";
            return false;
        }
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (!IsYear(year, out error))
            return false;
        var firstHalf = match.Groups[2].Value == "1";
        var from = new DateTimeOffset(year, firstHalf ? 1 : 7, 1, 0, 0, 0, offset);
        period = new ReportPeriod(from, from.AddMonths(6), $"{year}-H{match.Groups[2].Value}");
        return true;
    }

    /// <summary>A calendar year: 1 January to the next 1 January (excluded).</summary>
    public static bool TryParseYear(string text, TimeSpan offset, out ReportPeriod period, out string error)
    {
        period = null!;
        if (!YearPattern().IsMatch(text))
        {
            error = $"--year '{text}' is not a four-digit year (e.g. 2026)";
            return false;
        }
        var year = int.Parse(text, CultureInfo.InvariantCulture);
        if (!IsYear(year, out error))
            return false;
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, offset);
        period = new ReportPeriod(from, from.AddYears(1), text);
        return true;
    }

    /// <summary><c>--from</c> and <c>--to</c>: a date (<c>2026-01-01</c>) means that whole day, so
    /// both dates are included (<c>--to 2026-06-30</c> ends at 2026-07-01T00:00, excluded); an
    /// instant with a time and zone (<c>2026-01-01T08:00:00Z</c>) is taken as it is, the end excluded.</summary>
    public static bool TryParseRange(string fromText, string toText, TimeSpan offset, out ReportPeriod period, out string error)
    {
        period = null!;
        if (!TryParseBound("--from", fromText, offset, endOfDay: false, out var from, out error)
            || !TryParseBound("--to", toText, offset, endOfDay: true, out var to, out error))
            return false;
        if (to <= from)
        {
            error = $"--from {fromText} is not before --to {toText}";
            return false;
        }
        period = new ReportPeriod(from, to, $"{fromText} to {toText}");
        return true;
    }

    private static bool TryParseBound(string name, string text, TimeSpan offset, bool endOfDay, out DateTimeOffset value, out string error)
    {
        error = "";
        if (DatePattern().IsMatch(text)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), offset);
            if (endOfDay)
                value = value.AddDays(1);
            return IsYear(date.Year, out error);
        }
        if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            && HasZone(text))
        {
            value = value.ToOffset(offset);
            return IsYear(value.Year, out error);
        }
        value = default;
        error = $"{name} '{text}' is neither a date (2026-01-31) nor an instant with its zone (2026-01-31T08:00:00Z)";
        return false;
    }

    private static bool HasZone(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || ZonePattern().IsMatch(text);

    private static bool IsYear(int year, out string error)
    {
        error = year is >= 2000 and <= 2199 ? "" : $"year {year} is outside 2000 to 2199";
        return error.Length == 0;
    }

    /// <summary><c>+07:00</c>, <c>-03:30</c>, <c>Z</c> or <c>+00:00</c>; whole minutes within ±14 h.</summary>
    public static bool TryParseOffset(string text, out TimeSpan offset, out string error)
    {
        offset = TimeSpan.Zero;
        error = "";
        if (text is "Z" or "z")
            return true;
        var match = OffsetPattern().Match(text);
        if (match.Success)
        {
            offset = new TimeSpan(int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture), 0);
            if (match.Groups[1].Value == "-")
                offset = -offset;
            if (offset.Duration() <= TimeSpan.FromHours(14) && offset.Minutes % 15 == 0)
                return true;
        }
        error = $"--utc-offset '{text}' is not an offset such as +07:00, -03:30 or Z (within ±14:00)";
        return false;
    }

    [GeneratedRegex(@"^(\d{4})-H([12])$")]
    private static partial Regex HalfPattern();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"[+-]\d{2}:\d{2}$")]
    private static partial Regex ZonePattern();

    [GeneratedRegex(@"^([+-])(\d{2}):(\d{2})$")]
    private static partial Regex OffsetPattern();
}
