namespace Edge.Detect.Intel;

/// <summary>One list an entry came from: its source name (by default the file name) and its
/// category (phishing, cnc, botnet, mining, malware, typosquat-protected, doh, benign, ...).</summary>
public sealed class IntelList(string source, string category)
{
    public string Source { get; } = source;

    public string Category { get; } = category;

    public override string ToString() => Source + ":" + Category;
}
