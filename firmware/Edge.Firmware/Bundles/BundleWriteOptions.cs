namespace Edge.Firmware.Bundles;

/// <summary>The manifest fields a bundle's author chooses; files, hashes and key id are filled in
/// by <see cref="BundleWriter"/>.</summary>
public sealed record BundleWriteOptions(
    string Version,
    IReadOnlyList<string> Boards,
    BundleBuild Build,
    string MinVersion = "0.0.0",
    bool AllowDowngrade = false);
