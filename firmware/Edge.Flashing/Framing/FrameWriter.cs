using System.Buffers.Binary;

namespace Edge.Flashing.Framing;

public static class FrameWriter
{
    /// <summary>
    /// Writes [0x00][COBS(body)][0x00] into <paramref name="wire"/>, using <paramref name="body"/>
    /// (at least <see cref="FrameLayout.Overhead"/> + payload bytes) to assemble the body first.
    /// Returns the bytes written.
    /// </summary>
    public static int Write(FrameType type, uint sequence, ReadOnlySpan<byte> payload, Span<byte> body, Span<byte> wire)
    {
        if (payload.Length > FrameLayout.MaxPayload)
            throw new ArgumentOutOfRangeException(nameof(payload), payload.Length, "payload longer than a frame allows");
        body[0] = (byte)type;
        BinaryPrimitives.WriteUInt32LittleEndian(body[1..], sequence);
        BinaryPrimitives.WriteUInt16LittleEndian(body[5..], (ushort)payload.Length);
        payload.CopyTo(body[FrameLayout.HeaderLength..]);
        int crcAt = FrameLayout.HeaderLength + payload.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(body[crcAt..], Crc32C.Compute(body[..crcAt]));
        wire[0] = FrameLayout.Delimiter;
        int encoded = Cobs.Encode(body[..(crcAt + FrameLayout.CrcLength)], wire[1..]);
        wire[encoded + 1] = FrameLayout.Delimiter;
        return encoded + 2;
    }
}
