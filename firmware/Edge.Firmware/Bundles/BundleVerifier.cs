using Edge.Uplink.Commands.Signing;

namespace Edge.Firmware.Bundles;

/// <summary>Verifies a bundle as it streams past: header and manifest under hard caps, the
/// signature by a trusted key, the device policy, then each file through SHA-256 with one fixed
/// buffer, so memory does not grow with the bundle. Optionally extracts into a fresh folder.
/// Read errors of <paramref name="bundle"/> itself propagate as <see cref="IOException"/>.</summary>
public sealed class BundleVerifier(TrustedKeys keys, BundlePolicy policy)
{
    public BundleVerification Verify(Stream bundle, string? extractTo = null)
    {
        if (!BundleReader.TryReadPrefix(bundle, out var prefix, out var refusal))
            return new BundleVerification(null, refusal);
        var manifest = prefix.Manifest;
        if (!keys.TryGet(manifest.KeyId, out var publicKey))
            return new BundleVerification(null, new(BundleRefusalCode.UnknownKey, $"key '{manifest.KeyId}' is not trusted"));
        if (!Ed25519Signatures.Verify(publicKey.Span, BundleSigning.SignedMessage(prefix.ManifestBytes.Span), prefix.Signature.Span))
            return new BundleVerification(null, new(BundleRefusalCode.BadSignature, $"signature does not verify with key '{manifest.KeyId}'"));
        if (policy.Check(manifest) is { } policyRefusal)
            return new BundleVerification(manifest, policyRefusal);
        if (extractTo is null)
            return new BundleVerification(manifest, BundlePayload.Check(bundle, manifest, null));

        BundleExtraction extraction;
        try
        {
            extraction = BundleExtraction.Start(extractTo);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new BundleVerification(manifest, new(BundleRefusalCode.ExtractionFailed, e.Message));
        }
        using (extraction)
        {
            refusal = BundlePayload.Check(bundle, manifest, extraction);
            if (refusal is null)
                refusal = extraction.TryCommit();
            return new BundleVerification(manifest, refusal);
        }
    }
}
