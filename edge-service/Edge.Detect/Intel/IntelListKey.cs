namespace Edge.Detect.Intel;

/// <summary>What makes two entries share an <see cref="IntelList"/> within one load: source,
/// category, RPZ action and scope, and the local data's addresses (comma-joined, in order).</summary>
internal readonly record struct IntelListKey(string Source, string Category, IntelAction Action, IntelScope Scope, string LocalData);
