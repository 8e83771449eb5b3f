namespace Edge.Firmware.Bundles;

/// <summary>The files of a folder as bundle sources, in ordinal path order. Links are refused (a
/// bundle carries regular files only); a file with any execute bit is packed as 0755, others 0644.</summary>
public static class BundleFolder
{
    public static IReadOnlyList<BundleSource> Scan(string folder)
    {
        var root = new DirectoryInfo(folder);
        if (!root.Exists)
            throw new DirectoryNotFoundException($"folder '{folder}' does not exist");
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        var sources = new List<BundleSource>();
        foreach (var entry in root.EnumerateFileSystemInfos("*", options))
        {
            var path = Path.GetRelativePath(root.FullName, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (entry.LinkTarget is not null)
                throw new ArgumentException($"'{path}' is a link; a bundle carries regular files only");
            if (entry is not FileInfo file)
                continue;
            if (sources.Count == BundleFormat.MaxFiles)
                throw new ArgumentException($"'{folder}' holds more than {BundleFormat.MaxFiles} files");
            sources.Add(new BundleSource(path, file.Length, ModeOf(file), () => file.OpenRead()));
        }
        sources.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return sources;
    }

    private static UnixFileMode ModeOf(FileInfo file)
    {
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        const UnixFileMode readWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        var executable = !OperatingSystem.IsWindows() && (file.UnixFileMode & anyExecute) != 0;
        return executable ? readWrite | anyExecute : readWrite;
    }
}
