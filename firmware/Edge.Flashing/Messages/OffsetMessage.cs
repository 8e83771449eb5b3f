using System.Buffers.Binary;

namespace Edge.Flashing.Messages;

/// <summary>
/// The offset-led payloads. BeginAck: [resume offset u64]. Ack: [next expected offset u64].
/// Nak: [next expected offset u64][reason u8]. Data: [offset u64][bytes].
/// </summary>
public static class OffsetMessage
{
    public const int OffsetLength = 8;

    public static int WriteOffset(long offset, Span<byte> destination)
    {
        BinaryPrimitives.WriteInt64LittleEndian(destination, offset);
        return OffsetLength;
    }

    public static int WriteNak(long offset, NakReason reason, Span<byte> destination)
    {
        BinaryPrimitives.WriteInt64LittleEndian(destination, offset);
        destination[OffsetLength] = (byte)reason;
        return OffsetLength + 1;
    }

    /// <summary>Reads the leading offset; <paramref name="rest"/> is what follows (Data's bytes, Nak's reason).</summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out long offset, out ReadOnlySpan<byte> rest)
    {
        offset = 0;
        rest = default;
        if (payload.Length < OffsetLength)
            return false;
        offset = BinaryPrimitives.ReadInt64LittleEndian(payload);
        rest = payload[OffsetLength..];
        return offset >= 0;
    }
}
