using Edge.Firmware.Versions;

namespace Edge.Firmware.Bundles;

/// <summary>What the installing device knows about itself: its board profile and the version it
/// runs. Either may be left out (a technician's laptop checks signature and hashes only).</summary>
public sealed record BundlePolicy(string? Board = null, SemVersion? CurrentVersion = null)
{
    public BundleRefusal? Check(BundleManifest manifest)
    {
        if (Board is not null && !manifest.Boards.Contains(Board, StringComparer.Ordinal))
            return new(BundleRefusalCode.WrongBoard, $"bundle is for {string.Join(", ", manifest.Boards)}, not '{Board}'");
        if (CurrentVersion is null)
            return null;
        var version = SemVersion.Parse(manifest.Version);
        if (version < CurrentVersion && !manifest.AllowDowngrade)
            return new(BundleRefusalCode.Downgrade, $"version {version} is older than the running {CurrentVersion} and the bundle does not allow downgrade");
        var minVersion = SemVersion.Parse(manifest.MinVersion);
        if (CurrentVersion < minVersion)
            return new(BundleRefusalCode.BelowMinVersion, $"the running {CurrentVersion} is older than minVersion {minVersion}: install an intermediate release first");
        return null;
    }
}
