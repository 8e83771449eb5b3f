namespace Edge.Watch.Net;

internal static class IPv4Text
{
    public static bool TryFormat(uint address, Span<char> destination, out int written)
    {
        written = 0;
        for (var shift = 24; shift >= 0; shift -= 8)
        {
            if (!((address >> shift) & 0xff).TryFormat(destination[written..], out var n))
                return false;
            written += n;
            if (shift == 0)
                break;
            if (written >= destination.Length)
                return false;
            destination[written++] = '.';
        }
        return true;
    }
}
