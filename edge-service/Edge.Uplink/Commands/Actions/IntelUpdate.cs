namespace Edge.Uplink.Commands.Actions;

/// <summary>A received intel list, already checked against its SHA-256: <paramref name="List"/> is
/// its file name (<c>[a-z0-9][a-z0-9._-]*</c>), <paramref name="Path"/> where it lies now.</summary>
public sealed record IntelUpdate(string List, string? Category, string Path, string Sha256, long Size);
