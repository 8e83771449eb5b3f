namespace Edge.Hardware.Tests.Thermal;

/// <summary>A temporary stand-in for <c>/sys/class/thermal/thermal_zone0/temp</c>.</summary>
internal sealed class ThermalZoneFile : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("edge-thermal-");

    public ThermalZoneFile() => Path = System.IO.Path.Combine(_directory.FullName, "temp");

    public string Path { get; }

    public void Write(string content) => File.WriteAllText(Path, content);

    public void Remove() => File.Delete(Path);

    public void Dispose() => _directory.Delete(recursive: true);
}
