using System.Text;

namespace Edge.Flashing.Messages;

/// <summary>[length u8][UTF-8]: names in Hello. Longer strings are cut at a character boundary.</summary>
internal static class ShortString
{
    public static int Write(string value, Span<byte> destination)
    {
        var chars = value.AsSpan();
        while (Encoding.UTF8.GetByteCount(chars) > byte.MaxValue)
            chars = chars[..^1];
        int n = Encoding.UTF8.GetBytes(chars, destination[1..]);
        destination[0] = (byte)n;
        return n + 1;
    }

    public static bool TryRead(ref ReadOnlySpan<byte> source, out string value)
    {
        value = "";
        if (source.IsEmpty || source.Length - 1 < source[0])
            return false;
        value = Encoding.UTF8.GetString(source.Slice(1, source[0]));
        source = source[(1 + source[0])..];
        return true;
    }

    /// <summary>The rest of a payload as text (Result, Error, Abort), cut to what fits.</summary>
    public static int WriteRest(string value, Span<byte> destination)
    {
        var chars = value.AsSpan();
        while (Encoding.UTF8.GetByteCount(chars) > destination.Length)
            chars = chars[..^1];
        return Encoding.UTF8.GetBytes(chars, destination);
    }
}
