namespace Edge.Firmware.Bundles;

/// <summary>Everything before the payload: header, the manifest's exact bytes, the parsed manifest
/// and the signature. <see cref="PayloadOffset"/> is where the first file starts.</summary>
public sealed record BundlePrefix(BundleHeader Header, ReadOnlyMemory<byte> ManifestBytes, BundleManifest Manifest, ReadOnlyMemory<byte> Signature)
{
    public long PayloadOffset => BundleFormat.HeaderSize + (long)Header.ManifestLength + Header.SignatureLength;
}
