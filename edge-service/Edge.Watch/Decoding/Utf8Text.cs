using System.Globalization;

namespace Edge.Watch.Decoding;

/// <summary>Bounded appends of UTF-8 text into a caller's buffer: false, never an exception, when full.</summary>
internal static class Utf8Text
{
    public static bool TryAppend(Span<byte> destination, ref int position, byte value)
    {
        if (position >= destination.Length)
            return false;
        destination[position++] = value;
        return true;
    }

    public static bool TryAppendNumber(Span<byte> destination, ref int position, uint value)
    {
        if (position > destination.Length || !value.TryFormat(destination[position..], out var written, default, CultureInfo.InvariantCulture))
            return false;
        position += written;
        return true;
    }
}
