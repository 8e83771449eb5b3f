namespace Edge.Firmware.Bundles;

/// <summary>A refusal: the reason code and a message naming the field, entry or region at fault.</summary>
public sealed record BundleRefusal(BundleRefusalCode Code, string Message)
{
    public string Name => Code switch
    {
        BundleRefusalCode.BadMagic => "bad-magic",
        BundleRefusalCode.UnsupportedFormat => "unsupported-format",
        BundleRefusalCode.MalformedHeader => "malformed-header",
        BundleRefusalCode.ManifestTooLarge => "manifest-too-large",
        BundleRefusalCode.Truncated => "truncated",
        BundleRefusalCode.MalformedManifest => "malformed-manifest",
        BundleRefusalCode.UnsafePath => "unsafe-path",
        BundleRefusalCode.DuplicatePath => "duplicate-path",
        BundleRefusalCode.UnsupportedMode => "unsupported-mode",
        BundleRefusalCode.TooLarge => "too-large",
        BundleRefusalCode.UnknownKey => "unknown-key",
        BundleRefusalCode.BadSignature => "bad-signature",
        BundleRefusalCode.WrongBoard => "wrong-board",
        BundleRefusalCode.Downgrade => "downgrade",
        BundleRefusalCode.BelowMinVersion => "below-min-version",
        BundleRefusalCode.HashMismatch => "hash-mismatch",
        BundleRefusalCode.TrailingBytes => "trailing-bytes",
        BundleRefusalCode.ExtractionFailed => "extraction-failed",
        _ => "unknown",
    };

    public override string ToString() => $"{Name}: {Message}";
}
