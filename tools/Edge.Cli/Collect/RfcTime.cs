namespace Edge.Cli.Collect;

/// <summary>The contract's timestamps (RFC 3339 in UTC with a <c>Z</c>, 0 to 9 fraction digits:
/// <c>2026-11-25T15:32:30.123456Z</c>) as Unix milliseconds, the fraction truncated. No offsets,
/// no leap second: the sensors never write them.</summary>
public static class RfcTime
{
    public static bool TryParseUnixMs(string? text, out long unixMs)
    {
        unixMs = 0;
        // yyyy-MM-ddTHH:mm:ss is 19 characters, then an optional .f{1,9}, then Z.
        if (text is null || text.Length < 20 || text.Length > 30 || text[^1] != 'Z'
            || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
            return false;
        if (!TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)
            || !TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second))
            return false;
        var millis = 0;
        var fractionDigits = text.Length - 20;
        if (fractionDigits > 0)
        {
            // ".f…" takes at least two characters.
            if (fractionDigits < 2 || text[19] != '.' || !TryDigits(text, 20, fractionDigits - 1, out _))
                return false;
            for (var i = 0; i < 3; i++)
                millis = millis * 10 + (20 + i < text.Length - 1 ? text[20 + i] - '0' : 0);
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        var time = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        unixMs = (time.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond + millis;
        return true;
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9')
                return false;
            // At most 9 digits are read (a fraction): no overflow.
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
