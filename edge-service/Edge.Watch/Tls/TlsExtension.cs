namespace Edge.Watch.Tls;

/// <summary>One extension of a ClientHello: its type and raw extension_data (RFC 8446 §4.2).</summary>
public readonly ref struct TlsExtension
{
    internal TlsExtension(ushort type, ReadOnlySpan<byte> data)
    {
        Type = type;
        Data = data;
    }

    public ushort Type { get; }

    public ReadOnlySpan<byte> Data { get; }
}
