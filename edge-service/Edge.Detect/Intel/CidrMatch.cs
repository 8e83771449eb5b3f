namespace Edge.Detect.Intel;

/// <summary>The longest listed prefix that contains a looked-up address.</summary>
public readonly record struct CidrMatch(IntelList List, int PrefixLength);
