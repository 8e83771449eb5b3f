using System.Buffers.Binary;

namespace Edge.Flashing.Framing;

public static class FrameReader
{
    /// <summary>
    /// Reads the next frame from wire bytes. Leading delimiters are skipped. <see cref="FrameStatus.NeedMore"/>
    /// when no delimiter has arrived yet (<paramref name="consumed"/> then counts only skipped
    /// delimiters); <see cref="FrameStatus.Malformed"/> consumes through the delimiter that ends the
    /// bad bytes, which is how a receiver resynchronises. <paramref name="scratch"/> receives the
    /// decoded body (<see cref="FrameLayout.MaxBodyLength"/> bytes suffice) and backs the payload.
    /// </summary>
    public static FrameStatus TryReadFrame(
        ReadOnlySpan<byte> wire, Span<byte> scratch, out Frame frame, out int consumed, out FrameError error)
    {
        frame = default;
        error = FrameError.None;
        int start = 0;
        while (start < wire.Length && wire[start] == FrameLayout.Delimiter)
            start++;
        int end = wire[start..].IndexOf(FrameLayout.Delimiter);
        if (end < 0)
        {
            if (wire.Length - start > FrameLayout.MaxEncodedLength)
            {
                // Drop what we hold: the rest of this run ends at some delimiter and fails there too.
                consumed = wire.Length;
                error = FrameError.TooLong;
                return FrameStatus.Malformed;
            }
            consumed = start;
            return FrameStatus.NeedMore;
        }
        consumed = start + end + 1;
        var encoded = wire.Slice(start, end);
        if (encoded.Length > FrameLayout.MaxEncodedLength)
            return Fail(FrameError.TooLong, out error);
        if (!Cobs.TryDecode(encoded, scratch, out int length))
            return Fail(FrameError.BadEncoding, out error);
        return TryParseBody(scratch[..length], out frame, out error);
    }

    /// <summary>Checks a decoded body: length, CRC, then type (a corrupted type byte is reported as a bad CRC).</summary>
    public static FrameStatus TryParseBody(ReadOnlySpan<byte> body, out Frame frame, out FrameError error)
    {
        frame = default;
        if (body.Length < FrameLayout.Overhead)
            return Fail(FrameError.Truncated, out error);
        int payloadLength = BinaryPrimitives.ReadUInt16LittleEndian(body[5..]);
        if (payloadLength > FrameLayout.MaxPayload || payloadLength != body.Length - FrameLayout.Overhead)
            return Fail(FrameError.BadLength, out error);
        int crcAt = FrameLayout.HeaderLength + payloadLength;
        if (Crc32C.Compute(body[..crcAt]) != BinaryPrimitives.ReadUInt32LittleEndian(body[crcAt..]))
            return Fail(FrameError.BadCrc, out error);
        var type = (FrameType)body[0];
        if (type is < FrameType.Hello or > FrameType.Abort)
            return Fail(FrameError.UnknownType, out error);
        frame = new Frame(type, BinaryPrimitives.ReadUInt32LittleEndian(body[1..]), body.Slice(FrameLayout.HeaderLength, payloadLength));
        error = FrameError.None;
        return FrameStatus.Complete;
    }

    private static FrameStatus Fail(FrameError reason, out FrameError error)
    {
        error = reason;
        return FrameStatus.Malformed;
    }
}
