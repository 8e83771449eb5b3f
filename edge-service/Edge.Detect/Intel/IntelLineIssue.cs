namespace Edge.Detect.Intel;

/// <summary>A line that was not taken (bad, or an unsupported syntax), with where it was.</summary>
public sealed record IntelLineIssue(string File, long Line, IntelLineError Reason, string Text)
{
    public bool IsUnsupported => Reason >= IntelLineError.UnsupportedAdBlock;

    public override string ToString() => $"{File}:{Line}: {Reason}: {Text}";
}
