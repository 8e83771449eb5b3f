namespace Edge.Detect.Intel;

/// <summary>An update's outcome: <see cref="Swapped"/> false means the previous snapshot stays,
/// and <see cref="IntelLoadReport.Warnings"/> says which file could not be read.</summary>
public sealed record IntelUpdateResult(bool Swapped, IntelSnapshot Current, IntelLoadReport Report);
