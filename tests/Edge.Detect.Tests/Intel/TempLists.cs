namespace Edge.Detect.Tests.Intel;

/// <summary>A temporary folder of list files, deleted on dispose.</summary>
internal sealed class TempLists : IDisposable
{
    public TempLists() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "edge-intel-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string text)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
