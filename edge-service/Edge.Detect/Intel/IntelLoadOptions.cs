namespace Edge.Detect.Intel;

public sealed record IntelLoadOptions
{
    /// <summary>Category of lines with no column in files whose name implies none; when null
    /// such lines are bad (<see cref="IntelLineError.NoCategory"/>).</summary>
    public string? DefaultCategory { get; init; }

    /// <summary>Bad and unsupported lines kept verbatim in the report; all are counted.</summary>
    public int MaxSamples { get; init; } = 100;

    /// <summary>Folders given as paths are searched for these patterns.</summary>
    public IReadOnlyList<string> FolderPatterns { get; init; } = ["*.txt", "*.list", "*.hosts", "*.rpz", "*.zone", "*.csv"];
}
