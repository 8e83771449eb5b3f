namespace Edge.Service.EventLog;

public sealed class TlsEvent
{
    public string? Sni { get; init; }
    /// <summary>ClientHello legacy_version, e.g. "0x0303".</summary>
    public required string Version { get; init; }
    public List<string>? SupportedVersions { get; init; }
    public List<string>? Alpn { get; init; }
    public required string Ja3 { get; init; }
    public required string Ja3String { get; init; }
    public required string Ja4 { get; init; }
}
