using Edge.Firmware.Files;

namespace Edge.Firmware.Bundles;

/// <summary>Writes verified files into a fresh staging folder next to the target and renames it to
/// the target only when every file verified; otherwise the staging folder is deleted. Files are
/// created exclusively (O_CREAT|O_EXCL, so never through a link), folders are checked not to be
/// links, and each file is fsynced before the rename.</summary>
internal sealed class BundleExtraction : IDisposable
{
    private readonly string _target;
    private readonly string _staging;
    private bool _committed;

    private BundleExtraction(string target, string staging)
    {
        _target = target;
        _staging = staging;
    }

    public static BundleExtraction Start(string target)
    {
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        if (Path.Exists(full))
            throw new IOException($"target '{full}' already exists; extraction writes a fresh folder");
        var parent = Path.GetDirectoryName(full) ?? throw new IOException($"target '{full}' has no parent folder");
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.partial-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8))}");
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(staging);
        else
            Directory.CreateDirectory(staging, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new BundleExtraction(full, staging);
    }

    /// <summary>Creates <paramref name="relativePath"/> (already checked by <see cref="BundlePath"/>).</summary>
    public FileStream Create(string relativePath)
    {
        var segments = relativePath.Split('/');
        var folder = _staging;
        foreach (var segment in segments[..^1])
        {
            folder = Path.Combine(folder, segment);
            var info = new DirectoryInfo(folder);
            if (info.Exists && info.LinkTarget is not null)
                throw new IOException($"'{relativePath}': folder '{segment}' is a link");
            if (!info.Exists)
                info.Create();
        }
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(Path.Combine(folder, segments[^1]), options);
    }

    public static void Finish(FileStream file, UnixFileMode mode)
    {
        file.Flush(flushToDisk: true);
        var path = file.Name;
        file.Dispose();
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, mode);
    }

    public BundleRefusal? TryCommit()
    {
        try
        {
            // A rename within one folder is atomic (POSIX rename(2)); the target appears whole or not at all.
            Directory.Move(_staging, _target);
            // The files were flushed before; flushing the parent makes the rename itself survive a power cut.
            DurableFile.FlushFolder(Path.GetDirectoryName(Path.GetFullPath(_target))!);
            _committed = true;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new BundleRefusal(BundleRefusalCode.ExtractionFailed, $"moving the verified files to '{_target}': {e.Message}");
        }
    }

    public void Dispose()
    {
        if (_committed || !Directory.Exists(_staging))
            return;
        try
        {
            // Recursive delete unlinks links, never follows them.
            Directory.Delete(_staging, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover ".partial-" folder is harmless and never used.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
