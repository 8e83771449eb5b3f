using System.Buffers.Binary;

namespace Edge.Flashing.Messages;

/// <summary>Begin: [size u64][SHA-256, 32 bytes][flags u8: bit 0 resume if possible, bit 1 a provisioning
/// set rather than a bundle]. Protocol 1 peers that predate bit 1 send 0 there: a bundle.</summary>
public sealed record BeginMessage(long BundleSize, byte[] Sha256, bool Resume, TransferKind Kind = TransferKind.Bundle)
{
    private const byte ResumeFlag = 1;
    private const byte ProvisioningFlag = 2;

    public const int Length = 8 + 32 + 1;

    public int Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteInt64LittleEndian(destination, BundleSize);
        Sha256.CopyTo(destination[8..]);
        destination[40] = (byte)((Resume ? ResumeFlag : 0) | (Kind == TransferKind.Provisioning ? ProvisioningFlag : 0));
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
        var flags = payload[40];
        var kind = (flags & ProvisioningFlag) != 0 ? TransferKind.Provisioning : TransferKind.Bundle;
        message = new BeginMessage(size, payload.Slice(8, 32).ToArray(), (flags & ResumeFlag) != 0, kind);
        return true;
    }
}
