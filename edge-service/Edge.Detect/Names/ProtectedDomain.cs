namespace Edge.Detect.Names;

/// <summary>One protected registrable domain split at its public suffix, with its label's skeleton.</summary>
internal sealed record ProtectedDomain(string Name, byte[] Label, byte[] Skeleton, byte[] Suffix);
