namespace Edge.Watch.Tls;

/// <summary>A parsed ClientHello (RFC 8446 §4.1.2). Every span points into the caller's stream or
/// scratch buffer; nothing is copied.</summary>
public readonly ref struct ClientHello
{
    public ushort RecordVersion { get; internal init; }

    public ushort HandshakeVersion { get; internal init; }

    public ReadOnlySpan<byte> Random { get; internal init; }

    public ReadOnlySpan<byte> SessionId { get; internal init; }

    /// <summary>Raw cipher suite list, 2 bytes each.</summary>
    public ReadOnlySpan<byte> CipherSuites { get; internal init; }

    public ReadOnlySpan<byte> CompressionMethods { get; internal init; }

    /// <summary>Raw extensions block: (type, length, data)*; empty when the hello has none.</summary>
    public ReadOnlySpan<byte> Extensions { get; internal init; }

    /// <summary>True when a server_name extension is present, even if it names no host_name.</summary>
    public bool HasServerName { get; internal init; }

    public bool HasAlpn { get; internal init; }

    public bool HasSupportedVersions { get; internal init; }

    internal ReadOnlySpan<byte> HostName { get; init; }

    internal ReadOnlySpan<byte> AlpnNames { get; init; }

    internal ReadOnlySpan<byte> SupportedVersionList { get; init; }

    /// <summary>The first host_name of the server_name extension (RFC 6066 §3).</summary>
    public bool TryGetServerName(out ReadOnlySpan<byte> hostName)
    {
        hostName = HostName;
        return !hostName.IsEmpty;
    }

    public AlpnEnumerator Alpn => new(AlpnNames);

    public SupportedVersionEnumerator SupportedVersions => new(SupportedVersionList);

    public TlsExtensionEnumerator EnumerateExtensions() => new(Extensions);

    /// <summary>extension_data of the first extension of <paramref name="type"/>.</summary>
    public bool TryGetExtension(ushort type, out ReadOnlySpan<byte> data)
    {
        foreach (var extension in EnumerateExtensions())
        {
            if (extension.Type == type)
            {
                data = extension.Data;
                return true;
            }
        }
        data = default;
        return false;
    }
}
