namespace Edge.Detect.Intel;

/// <summary>One list file. <paramref name="Name"/> defaults to the file name; <paramref name="Category"/>
/// applies to lines without a category column (before the file-name guess).</summary>
public sealed record IntelSource(string Path, string? Name = null, string? Category = null)
{
    public string SourceName => Name ?? System.IO.Path.GetFileName(Path);
}
