using System.Buffers;

namespace Edge.Firmware.Bundles;

/// <summary>Reads a bundle's header, manifest and signature from a stream, with hard caps, leaving
/// the stream at the first payload byte. Does not check the signature (<see cref="BundleVerifier"/> does).</summary>
public static class BundleReader
{
    public static bool TryReadPrefix(Stream stream, out BundlePrefix prefix, out BundleRefusal? refusal)
    {
        prefix = null!;
        Span<byte> headerBytes = stackalloc byte[BundleFormat.HeaderSize];
        var got = stream.ReadAtLeast(headerBytes, headerBytes.Length, throwOnEndOfStream: false);
        var status = BundleHeader.TryRead(headerBytes[..got], out var header, out refusal);
        if (status == OperationStatus.NeedMoreData)
        {
            refusal = got >= BundleFormat.Magic.Length && !headerBytes[..8].SequenceEqual(BundleFormat.Magic)
                ? new BundleRefusal(BundleRefusalCode.BadMagic, "the file does not start with \"EDGEBNDL\": not an Edge bundle")
                : Truncated($"header is {got} of {BundleFormat.HeaderSize} bytes");
            return false;
        }
        if (status != OperationStatus.Done)
            return false;
        var manifestBytes = new byte[header.ManifestLength];
        got = stream.ReadAtLeast(manifestBytes, manifestBytes.Length, throwOnEndOfStream: false);
        if (got < manifestBytes.Length)
        {
            refusal = Truncated($"manifest is {got} of {header.ManifestLength} bytes");
            return false;
        }
        var signature = new byte[header.SignatureLength];
        got = stream.ReadAtLeast(signature, signature.Length, throwOnEndOfStream: false);
        if (got < signature.Length)
        {
            refusal = Truncated($"signature is {got} of {header.SignatureLength} bytes");
            return false;
        }
        if (!BundleManifestParser.TryParse(manifestBytes, out var manifest, out refusal))
            return false;
        prefix = new BundlePrefix(header, manifestBytes, manifest, signature);
        return true;
    }

    internal static BundleRefusal Truncated(string what) => new(BundleRefusalCode.Truncated, $"bundle ends early: {what}");
}
