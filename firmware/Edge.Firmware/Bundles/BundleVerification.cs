namespace Edge.Firmware.Bundles;

/// <summary>A verifier's answer: the manifest when accepted, else the refusal (with the manifest
/// too once its signature verified, so callers can say which bundle they refused).</summary>
public sealed record BundleVerification(BundleManifest? Manifest, BundleRefusal? Refusal)
{
    public bool IsAccepted => Refusal is null;
}
