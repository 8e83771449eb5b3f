using Edge.Watch.Dns;

namespace Edge.Watch.Decoding;

/// <summary>Wire bytes (SNI, HTTP fields) as lossless printable ASCII for logs: '\' and bytes
/// outside 0x20..0x7E are written \DDD, the way DNS names are, so two different values never log alike.</summary>
public static class PrintableText
{
    /// <summary>Worst case: every byte escaped to four.</summary>
    public static int MaxLength(int wireLength) => wireLength * 4;

    public static bool TryFormat(ReadOnlySpan<byte> wire, Span<byte> destination, out int written)
    {
        written = 0;
        return DnsText.TryAppendEscaped(destination, ref written, wire, DnsText.Escape.Text);
    }
}
