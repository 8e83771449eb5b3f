using System.Text.RegularExpressions;
using Edge.Firmware.Versions;
using Edge.Uplink.Commands.Signing;

namespace Edge.Firmware.Bundles;

/// <summary>The manifest's rules beyond JSON shape: schema, versions, boards, key id, build, files.</summary>
internal static partial class BundleManifestRules
{
    public static BundleRefusal? Check(BundleManifest m)
    {
        if (m.Schema != BundleFormat.Schema)
            return Malformed("schema", $"is '{Shorten(m.Schema)}', expected '{BundleFormat.Schema}'");
        if (!SemVersion.TryParse(m.Version, out _, out var reason))
            return Malformed("version", reason);
        if (!SemVersion.TryParse(m.MinVersion, out _, out reason))
            return Malformed("minVersion", reason);
        if (m.Boards.Count is 0 or > BundleFormat.MaxBoards)
            return Malformed("boards", $"must list 1 to {BundleFormat.MaxBoards} board names");
        for (var i = 0; i < m.Boards.Count; i++)
        {
            // Nullable annotations are not enforced on collection elements.
            if (m.Boards[i] is null)
                return Malformed($"boards[{i}]", "is null");
            if (!BoardName().IsMatch(m.Boards[i]))
                return Malformed($"boards[{i}]", $"'{Shorten(m.Boards[i])}' is not a board name ([a-z0-9-], 1 to 64)");
            if (m.Boards.Take(i).Contains(m.Boards[i], StringComparer.Ordinal))
                return Malformed($"boards[{i}]", $"'{m.Boards[i]}' is listed twice");
        }
        if (!TrustedKeys.IsKeyId(m.KeyId))
            return Malformed("keyId", $"'{Shorten(m.KeyId)}' is not a key id (1 to 64 of A-Z, a-z, 0-9, '.', '_', '-')");
        if (m.Build.Commit.Length > 64 || m.Build.Host.Length > 255)
            return Malformed("build", "commit is at most 64 characters and host at most 255");
        return CheckFiles(m.Files);
    }

    private static BundleRefusal? CheckFiles(IReadOnlyList<BundleFileEntry> files)
    {
        if (files.Count is 0 or > BundleFormat.MaxFiles)
            return Malformed("files", $"must list 1 to {BundleFormat.MaxFiles} files");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var f = files[i];
            var where = $"files[{i}]";
            if (f is null)
                return Malformed(where, "is null");
            if (BundlePath.Problem(f.Path) is { } problem)
                return new BundleRefusal(BundleRefusalCode.UnsafePath, $"{where}.path '{Shorten(f.Path)}' {problem}");
            // Case-insensitive: the boot partition is FAT, where "A" and "a" are one file.
            if (!seen.Add(f.Path))
                return new BundleRefusal(BundleRefusalCode.DuplicatePath, $"{where}.path '{f.Path}' is listed twice (case-insensitively)");
            if (!BundleFileMode.TryParse(f.Mode, out _, out var modeReason))
                return new BundleRefusal(BundleRefusalCode.UnsupportedMode, $"{where}.mode {modeReason}");
            if (f.Size < 0)
                return Malformed($"{where}.size", $"is negative ({f.Size})");
            if (f.Size > BundleFormat.MaxTotalFileBytes - total)
                return new BundleRefusal(BundleRefusalCode.TooLarge, $"{where}: the files add up to more than the {BundleFormat.MaxTotalFileBytes}-byte cap");
            total += f.Size;
            if (!Sha256Hex().IsMatch(f.Sha256))
                return Malformed($"{where}.sha256", "is not 64 lowercase hex digits");
        }
        // A file cannot also be a folder of another file ("bin" and "bin/edge-service").
        for (var i = 0; i < files.Count; i++)
        {
            var path = files[i].Path;
            for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
            {
                if (seen.Contains(path[..slash]))
                    return new BundleRefusal(BundleRefusalCode.DuplicatePath, $"files[{i}].path '{path}' lies under the file '{path[..slash]}'");
            }
        }
        return null;
    }

    private static BundleRefusal Malformed(string field, string message) =>
        new(BundleRefusalCode.MalformedManifest, $"manifest {field}: {message}");

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";

    [GeneratedRegex(@"^[a-z0-9-]{1,64}\z")]
    private static partial Regex BoardName();

    [GeneratedRegex(@"^[0-9a-f]{64}\z")]
    private static partial Regex Sha256Hex();
}
