namespace Edge.Service.EventLog;

public sealed class TlsEvent
{
    public string? Sni { get; init; }
    /// <summary>ClientHello legacy_version, e.g. "0x0303".</summary>
    public required string Version { get; init; }
    public List<string>? SupportedVersions { get; init; }
    public List<string>? Alpn { get; init; }
    /// <summary>Null only for a hello too large to fingerprint (JA3 string over 32 KiB).</summary>
    public string? Ja3 { get; init; }
    public string? Ja3String { get; init; }
    public string? Ja4 { get; init; }
}
