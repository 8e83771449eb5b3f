using Edge.Watch.Link;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>One unmutated corpus frame with the fields found in it.</summary>
public sealed record FuzzSeed(string Source, LinkType LinkType, byte[] Data, FrameField[] Fields);
