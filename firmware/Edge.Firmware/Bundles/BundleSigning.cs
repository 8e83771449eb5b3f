using System.Text;

namespace Edge.Firmware.Bundles;

/// <summary>What a bundle signature covers: "edge.bundle/1\n" and the manifest's exact bytes. The
/// manifest pins every file's size and SHA-256, so the signature covers the payload too.</summary>
public static class BundleSigning
{
    public static byte[] SignedMessage(ReadOnlySpan<byte> manifest)
    {
        var prefixLength = Encoding.ASCII.GetByteCount(BundleFormat.SignaturePrefix);
        var message = new byte[prefixLength + manifest.Length];
        Encoding.ASCII.GetBytes(BundleFormat.SignaturePrefix, message);
        manifest.CopyTo(message.AsSpan(prefixLength));
        return message;
    }
}
