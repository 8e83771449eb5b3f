namespace Edge.Detect.Findings;

public enum Severity : byte
{
    Low,
    Medium,
    High,
    Critical,
}
