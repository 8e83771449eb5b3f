using System.Buffers;
using System.Buffers.Binary;

namespace Edge.Firmware.Bundles;

/// <summary>The fixed 20-byte header: magic "EDGEBNDL", format version (u16), reserved (u16, zero),
/// manifest length (u32), signature length (u32); integers big-endian.</summary>
public readonly record struct BundleHeader(ushort Version, int ManifestLength, int SignatureLength)
{
    /// <summary><see cref="OperationStatus.NeedMoreData"/> when fewer than 20 bytes are given;
    /// <see cref="OperationStatus.InvalidData"/> with a refusal for a malformed header.</summary>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out BundleHeader header, out BundleRefusal? refusal)
    {
        header = default;
        refusal = null;
        if (source.Length < BundleFormat.HeaderSize)
            return OperationStatus.NeedMoreData;
        if (!source[..8].SequenceEqual(BundleFormat.Magic))
            return Invalid(BundleRefusalCode.BadMagic, "the file does not start with \"EDGEBNDL\": not an Edge bundle", out refusal);
        var version = BinaryPrimitives.ReadUInt16BigEndian(source[8..]);
        if (version != BundleFormat.FormatVersion)
            return Invalid(BundleRefusalCode.UnsupportedFormat, $"header: format version {version} is not supported (this build reads {BundleFormat.FormatVersion})", out refusal);
        var reserved = BinaryPrimitives.ReadUInt16BigEndian(source[10..]);
        if (reserved != 0)
            return Invalid(BundleRefusalCode.MalformedHeader, $"header: reserved field is {reserved}, must be 0", out refusal);
        var manifestLength = BinaryPrimitives.ReadUInt32BigEndian(source[12..]);
        if (manifestLength == 0)
            return Invalid(BundleRefusalCode.MalformedHeader, "header: manifest length is 0", out refusal);
        if (manifestLength > BundleFormat.MaxManifestBytes)
            return Invalid(BundleRefusalCode.ManifestTooLarge, $"header: manifest length {manifestLength} exceeds the {BundleFormat.MaxManifestBytes}-byte cap", out refusal);
        var signatureLength = BinaryPrimitives.ReadUInt32BigEndian(source[16..]);
        if (signatureLength != BundleFormat.SignatureSize)
            return Invalid(BundleRefusalCode.MalformedHeader, $"header: signature length {signatureLength} is not {BundleFormat.SignatureSize} (Ed25519)", out refusal);
        header = new BundleHeader(version, (int)manifestLength, (int)signatureLength);
        return OperationStatus.Done;
    }

    public void Write(Span<byte> destination)
    {
        BundleFormat.Magic.CopyTo(destination);
        BinaryPrimitives.WriteUInt16BigEndian(destination[8..], Version);
        BinaryPrimitives.WriteUInt16BigEndian(destination[10..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], (uint)ManifestLength);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], (uint)SignatureLength);
    }

    private static OperationStatus Invalid(BundleRefusalCode code, string message, out BundleRefusal refusal)
    {
        refusal = new BundleRefusal(code, message);
        return OperationStatus.InvalidData;
    }
}
