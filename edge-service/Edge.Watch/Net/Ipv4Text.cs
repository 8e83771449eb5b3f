using Edge.Watch.Decoding;

namespace Edge.Watch.Net;

/// <summary>Dotted-quad text of four octets.</summary>
internal static class Ipv4Text
{
    public static bool TryAppend(ReadOnlySpan<byte> address, Span<byte> destination, ref int position)
    {
        for (var i = 0; i < 4; i++)
        {
            if (i > 0 && !Utf8Text.TryAppend(destination, ref position, (byte)'.'))
                return false;
            if (!Utf8Text.TryAppendNumber(destination, ref position, address[i]))
                return false;
        }
        return true;
    }
}
