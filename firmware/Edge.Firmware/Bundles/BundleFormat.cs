namespace Edge.Firmware.Bundles;

/// <summary>The bundle layout's constants (README.md, "Bundle format").</summary>
public static class BundleFormat
{
    public const int HeaderSize = 20;
    public const ushort FormatVersion = 1;
    public const string Schema = "edge.bundle/1";

    /// <summary>Prefix of the signed message, so a bundle signature is never valid for a command
    /// (<c>edge.cmd/1\n</c>) or any other protocol.</summary>
    public const string SignaturePrefix = "edge.bundle/1\n";

    public const int SignatureSize = 64;
    public const int MaxManifestBytes = 1 << 20;
    public const int MaxFiles = 1024;
    public const int MaxBoards = 32;
    public const long MaxTotalFileBytes = 1L << 30;

    public static ReadOnlySpan<byte> Magic => "EDGEBNDL"u8;
}
