namespace Edge.Firmware.Bundles;

/// <summary>A file's mode as four octal digits: permission bits of a regular file only. File-type
/// bits (links, devices, fifos: POSIX S_IFMT) and setuid/setgid/sticky are refused.</summary>
public static class BundleFileMode
{
    public static bool TryParse(string text, out UnixFileMode mode, out string reason)
    {
        mode = default;
        if (text.Length != 4 || !text.All(c => c is >= '0' and <= '7'))
        {
            reason = text.Length > 4 && text.All(c => c is >= '0' and <= '7')
                ? $"'{Shorten(text)}' carries file-type bits: only regular files are allowed"
                : $"'{Shorten(text)}' is not four octal digits such as \"0644\"";
            return false;
        }
        var value = Convert.ToInt32(text, 8);
        if (value > 0x1FF)
        {
            reason = $"'{text}' sets setuid, setgid or sticky";
            return false;
        }
        mode = (UnixFileMode)value;
        reason = "";
        return true;
    }

    public static UnixFileMode Parse(string text) =>
        TryParse(text, out var mode, out var reason) ? mode : throw new FormatException(reason);

    public static string Format(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');

    private static string Shorten(string text) => text.Length <= 16 ? text : text[..16] + "…";
}
