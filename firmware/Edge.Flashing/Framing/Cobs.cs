namespace Edge.Flashing.Framing;

/// <summary>
/// Consistent Overhead Byte Stuffing (Cheshire and Baker, IEEE/ACM ToN 7(2), 1999): removes every
/// 0x00 from a body so that 0x00 can delimit frames, at a cost of at most one byte per 254.
/// </summary>
public static class Cobs
{
    /// <summary>The most bytes <see cref="Encode"/> writes for a body of <paramref name="length"/> bytes.</summary>
    public static int MaxEncodedLength(int length) => length + (length / 254) + 1;

    /// <summary>Encodes <paramref name="source"/>; <paramref name="destination"/> must hold <see cref="MaxEncodedLength"/>.</summary>
    public static int Encode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int codeAt = 0, write = 1;
        byte code = 1;
        foreach (var b in source)
        {
            if (b == 0)
            {
                destination[codeAt] = code;
                codeAt = write++;
                code = 1;
                continue;
            }
            destination[write++] = b;
            // A block holds at most 254 data bytes; code 0xFF means "254 bytes, no zero follows".
            if (++code == 0xFF)
            {
                destination[codeAt] = code;
                codeAt = write++;
                code = 1;
            }
        }
        destination[codeAt] = code;
        return write;
    }

    /// <summary>
    /// Decodes one frame's bytes (without the delimiter). False when the input is not valid COBS
    /// (a zero inside, a block running past the end) or would overflow <paramref name="destination"/>.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, out int written)
    {
        written = 0;
        int read = 0;
        while (read < source.Length)
        {
            int code = source[read++];
            if (code == 0)
                return false;
            int run = code - 1;
            if (run > source.Length - read || run > destination.Length - written)
                return false;
            var block = source.Slice(read, run);
            if (block.Contains((byte)0))
                return false;
            block.CopyTo(destination[written..]);
            written += run;
            read += run;
            // Each block but the last, and but a full one, stands for the zero that ended it.
            if (code != 0xFF && read < source.Length)
            {
                if (written == destination.Length)
                    return false;
                destination[written++] = 0;
            }
        }
        return true;
    }
}
