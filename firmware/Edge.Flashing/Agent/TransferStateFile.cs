using System.Buffers.Binary;
using Edge.Flashing.Framing;

namespace Edge.Flashing.Agent;

/// <summary>
/// incoming.state: which bundle incoming.part belongs to and how much of it is on disk for sure.
/// [magic "EFS1"][bundle size i64][SHA-256 32][confirmed offset i64][CRC-32C u32 of the rest].
/// Replaced by rename after an fsync, so a reader sees the old state or the new, never half.
/// </summary>
internal readonly record struct TransferState(long BundleSize, byte[] Sha256, long ConfirmedOffset)
{
    private const int Length = 4 + 8 + 32 + 8 + 4;
    private static ReadOnlySpan<byte> Magic => "EFS1"u8;

    public void Save(string path)
    {
        Span<byte> bytes = stackalloc byte[Length];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[4..], BundleSize);
        Sha256.CopyTo(bytes[12..]);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[44..], ConfirmedOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[52..], Crc32C.Compute(bytes[..52]));
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public static bool TryLoad(string path, out TransferState state)
    {
        state = default;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        var span = bytes.AsSpan();
        if (span.Length != Length || !span.StartsWith(Magic)
            || Crc32C.Compute(span[..52]) != BinaryPrimitives.ReadUInt32LittleEndian(span[52..]))
            return false;
        state = new TransferState(BinaryPrimitives.ReadInt64LittleEndian(span[4..]), span.Slice(12, 32).ToArray(), BinaryPrimitives.ReadInt64LittleEndian(span[44..]));
        return state.BundleSize >= 0 && state.ConfirmedOffset >= 0 && state.ConfirmedOffset <= state.BundleSize;
    }
}
