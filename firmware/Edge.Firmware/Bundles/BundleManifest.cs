namespace Edge.Firmware.Bundles;

/// <summary>The signed manifest (JSON, camelCase, unknown fields refused). Everything that decides
/// whether a bundle may be installed is in here, so the signature covers it.</summary>
public sealed record BundleManifest(
    string Schema,
    string Version,
    IReadOnlyList<string> Boards,
    string MinVersion,
    bool AllowDowngrade,
    string KeyId,
    BundleBuild Build,
    IReadOnlyList<BundleFileEntry> Files)
{
    public long TotalFileBytes => Files.Sum(f => f.Size);
}

/// <summary>Where the bundle was built: source commit, UTC time, build host.</summary>
public sealed record BundleBuild(string Commit, DateTimeOffset Time, string Host);

/// <summary>One payload file: relative '/'-separated path, byte size, lowercase hex SHA-256, and
/// permission bits as four octal digits ("0644", "0755").</summary>
public sealed record BundleFileEntry(string Path, long Size, string Sha256, string Mode);
