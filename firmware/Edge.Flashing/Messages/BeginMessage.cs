using System.Buffers.Binary;

namespace Edge.Flashing.Messages;

/// <summary>Begin: [bundle size u64][bundle SHA-256, 32 bytes][flags u8, bit 0 = resume if possible].</summary>
public sealed record BeginMessage(long BundleSize, byte[] Sha256, bool Resume)
{
    public const int Length = 8 + 32 + 1;

    public int Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteInt64LittleEndian(destination, BundleSize);
        Sha256.CopyTo(destination[8..]);
        destination[40] = Resume ? (byte)1 : (byte)0;
        return Length;
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out BeginMessage? message)
    {
        message = null;
        if (payload.Length < Length)
            return false;
        long size = BinaryPrimitives.ReadInt64LittleEndian(payload);
        if (size < 0)
            return false;
        message = new BeginMessage(size, payload.Slice(8, 32).ToArray(), (payload[40] & 1) != 0);
        return true;
    }
}
