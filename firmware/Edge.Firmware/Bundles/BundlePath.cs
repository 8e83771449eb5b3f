namespace Edge.Firmware.Bundles;

/// <summary>What a payload path may be: relative, '/'-separated segments of [A-Za-z0-9._+@-], no
/// "." or "..", nothing a Windows or FAT boot partition would read as a device.</summary>
public static class BundlePath
{
    public const int MaxLength = 512;
    public const int MaxSegmentLength = 255;
    public const int MaxDepth = 16;

    // Reserved device names on Windows and FAT (CON, NUL, COM1 …), with or without an extension.
    private static readonly string[] DeviceNames =
        ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
         "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"];

    /// <summary>Null when <paramref name="path"/> is safe, else why not.</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0)
            return "is empty";
        if (path.Length > MaxLength)
            return $"is longer than {MaxLength} characters";
        if (path.Contains('\\', StringComparison.Ordinal))
            return "contains a backslash";
        if (path[0] == '/')
            return "is absolute";
        if (path.Length >= 2 && path[1] == ':')
            return "names a drive";
        var segments = path.Split('/');
        if (segments.Length > MaxDepth)
            return $"is deeper than {MaxDepth} folders";
        foreach (var segment in segments)
        {
            if (segment.Length == 0)
                return "has an empty segment";
            if (segment is "." or "..")
                return $"has a '{segment}' segment";
            if (segment.Length > MaxSegmentLength)
                return $"has a segment longer than {MaxSegmentLength} characters";
            if (!segment.All(IsAllowed))
                return "has a character outside [A-Za-z0-9._+@-]";
            if (segment[0] == '-')
                return "has a segment starting with '-'";
            if (IsDeviceName(segment))
                return $"uses the device name '{segment}'";
        }
        return null;
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+' or '@';

    private static bool IsDeviceName(string segment)
    {
        var dot = segment.IndexOf('.', StringComparison.Ordinal);
        var stem = dot < 0 ? segment : segment[..dot];
        return DeviceNames.Contains(stem, StringComparer.OrdinalIgnoreCase);
    }
}
