using System.Globalization;

namespace Edge.Cli.Broker;

/// <summary>Durations as people type them: <c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>500ms</c>, <c>2d</c>,
/// or a bare number of seconds.</summary>
public static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var span = text.Trim().AsSpan();
        if (double.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var bare))
        {
            duration = TimeSpan.FromSeconds(bare);
            return true;
        }
        var total = TimeSpan.Zero;
        while (!span.IsEmpty)
        {
            var digits = 0;
            while (digits < span.Length && (char.IsAsciiDigit(span[digits]) || span[digits] == '.'))
                digits++;
            var letters = digits;
            while (letters < span.Length && char.IsAsciiLetter(span[letters]))
                letters++;
            if (digits == 0 || letters == digits
                || !double.TryParse(span[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                return false;
            var unit = span[digits..letters] switch
            {
                "ms" => TimeSpan.FromMilliseconds(1),
                "s" => TimeSpan.FromSeconds(1),
                "m" => TimeSpan.FromMinutes(1),
                "h" => TimeSpan.FromHours(1),
                "d" => TimeSpan.FromDays(1),
                _ => TimeSpan.Zero,
            };
            if (unit == TimeSpan.Zero)
                return false;
            total += unit * number;
            span = span[letters..];
        }
        duration = total;
        return true;
    }

    /// <summary>Short text for an age or a wait: <c>45s</c>, <c>3m</c>, <c>2h5m</c>, <c>3d4h</c>.</summary>
    public static string Format(TimeSpan value)
    {
        value = value < TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Round(value.TotalSeconds));
        if (value < TimeSpan.FromMinutes(1))
            return $"{(long)value.TotalSeconds}s";
        if (value < TimeSpan.FromHours(1))
            return value.Seconds == 0 || value >= TimeSpan.FromMinutes(10) ? $"{(long)value.TotalMinutes}m" : $"{(long)value.TotalMinutes}m{value.Seconds}s";
        if (value < TimeSpan.FromDays(1))
            return value.Minutes == 0 ? $"{(long)value.TotalHours}h" : $"{(long)value.TotalHours}h{value.Minutes}m";
        return value.Hours == 0 ? $"{(long)value.TotalDays}d" : $"{(long)value.TotalDays}d{value.Hours}h";
    }

    /// <summary>A System.CommandLine option of this form, at least <paramref name="minimum"/>.</summary>
    public static System.CommandLine.Option<string> Option(string name, string description, string defaultValue, TimeSpan minimum)
    {
        var option = new System.CommandLine.Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r =>
        {
            var text = r.GetValueOrDefault<string>();
            if (!TryParse(text, out var value))
                r.AddError($"{name} '{text}' is not a duration such as 30s, 5m or 1h");
            else if (value < minimum)
                r.AddError($"{name} must be at least {Format(minimum)}");
        });
        return option;
    }

    public static TimeSpan Value(System.CommandLine.ParseResult parse, System.CommandLine.Option<string> option) =>
        TryParse(parse.GetValue(option), out var value) ? value : throw new InvalidOperationException($"{option.Name} was not validated");
}
