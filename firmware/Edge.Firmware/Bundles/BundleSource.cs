namespace Edge.Firmware.Bundles;

/// <summary>One file to pack: its bundle path, exact size, mode, and how to open its bytes.</summary>
public sealed record BundleSource(string Path, long Size, UnixFileMode Mode, Func<Stream> Open);
