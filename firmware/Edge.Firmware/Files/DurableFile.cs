using System.Runtime.InteropServices;

namespace Edge.Firmware.Files;

/// <summary>Writes that survive a power cut: the data is flushed before the rename that makes it
/// visible, and the folder is flushed after, so the rename itself is on disk (ext4 and most Linux
/// file systems need both).</summary>
public static class DurableFile
{
    /// <param name="mode">The file's mode from its creation on (a secret is never briefly readable by others).</param>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes, UnixFileMode? mode = null)
    {
        var temporary = path + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (mode is { } unixMode && !OperatingSystem.IsWindows())
            options.UnixCreateMode = unixMode;
        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
        FlushFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Points <paramref name="link"/> at <paramref name="target"/> in one step: a new link
    /// renamed over the old one, so a reader sees the old target or the new, never none.</summary>
    public static void ReplaceSymbolicLink(string link, string target)
    {
        var temporary = link + ".tmp";
        if (File.Exists(temporary) || Directory.Exists(temporary) || new FileInfo(temporary).LinkTarget is not null)
            File.Delete(temporary);
        File.CreateSymbolicLink(temporary, target);
        if (Rename(temporary, link) != 0)
            throw new IOException($"cannot point {link} at {target}: {Marshal.GetLastPInvokeErrorMessage()}");
        FlushFolder(Path.GetDirectoryName(Path.GetFullPath(link))!);
    }

    public static void FlushFolder(string folder)
    {
        // A folder opens read-only like a file; fsync on it writes its entries (the renames) out.
        var descriptor = Open(Native(folder), 0);
        if (descriptor < 0)
            return;
        try
        {
            _ = Fsync(descriptor);
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    private static int Rename(string from, string to) => RenameNative(Native(from), Native(to));

    private static byte[] Native(string path)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(path) + 1];
        System.Text.Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int RenameNative(byte[] from, byte[] to);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int descriptor);
}
