namespace Edge.Service.StatusPage;

/// <summary>Writes a file only its owner may read (0600 from the first byte), through a temporary file
/// and a rename, so a power cut leaves the old file or the new one, never half of one.</summary>
internal static class PrivateFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnly;
        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        // A leftover temporary file from a crash keeps its old mode: set it again before it takes the name.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temporary, OwnerOnly);
        File.Move(temporary, path, overwrite: true);
    }
}
