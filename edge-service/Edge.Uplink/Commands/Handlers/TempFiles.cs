namespace Edge.Uplink.Commands.Handlers;

/// <summary>Temp files of intel updates under the work folder.</summary>
internal static class TempFiles
{
    public static string Create(string workDirectory, string list)
    {
        Directory.CreateDirectory(workDirectory);
        return Path.Combine(workDirectory, $"{list}.{Guid.NewGuid():N}.part");
    }

    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind; the work folder is temporary.
        }
    }
}
