namespace Edge.Firmware.Bundles;

/// <summary>Why a bundle was refused; each has a stable kebab-case name (<see cref="BundleRefusal.Name"/>).</summary>
public enum BundleRefusalCode
{
    BadMagic,
    UnsupportedFormat,
    MalformedHeader,
    ManifestTooLarge,
    Truncated,
    MalformedManifest,
    UnsafePath,
    DuplicatePath,
    UnsupportedMode,
    TooLarge,
    UnknownKey,
    BadSignature,
    WrongBoard,
    Downgrade,
    BelowMinVersion,
    HashMismatch,
    TrailingBytes,
    ExtractionFailed,
}
