namespace Edge.Detect.Intel;

/// <summary>The most specific listed suffix of a looked-up name: it begins at <see cref="Start"/>
/// within the name that was passed in.</summary>
public readonly record struct DomainMatch(IntelList List, int Start);
