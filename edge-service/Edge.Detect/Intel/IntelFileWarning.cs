namespace Edge.Detect.Intel;

/// <summary>A list file that could not be read (missing, no permission, I/O error).</summary>
public sealed record IntelFileWarning(string File, string Message)
{
    public override string ToString() => $"{File}: {Message}";
}
