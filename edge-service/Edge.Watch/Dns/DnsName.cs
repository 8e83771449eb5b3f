using Edge.Watch.Decoding;

namespace Edge.Watch.Dns;

/// <summary>Domain names in presentation form.</summary>
public static class DnsName
{
    /// <summary>Room for a 255-octet name with every octet written as \DDD.</summary>
    public const int MaxPresentationLength = 1024;

    /// <summary>Writes the name at <paramref name="offset"/> as text such as <c>www.example.com</c>:
    /// no trailing dot, the root as ".", octets kept as sent (case, xn-- labels), and '.', '\'
    /// and octets outside 0x21..0x7E escaped as dig does (\. \\ \DDD). Compression follows
    /// RFC 1035 §4.1.4 with the reader's limits. False when the name is invalid or does not fit.</summary>
    public static bool TryRead(ReadOnlySpan<byte> message, int offset, Span<byte> destination, out int written)
    {
        written = 0;
        var reader = new DnsLabelReader(message, offset, message.Length, DnsError.TruncatedRecord);
        var position = 0;
        var labels = 0;
        DnsError error;
        while (reader.TryNext(out var label, out error))
        {
            if (labels++ > 0 && !Utf8Text.TryAppend(destination, ref position, (byte)'.'))
                return false;
            if (!DnsText.TryAppendEscaped(destination, ref position, label, DnsText.Escape.Name))
                return false;
        }
        if (error != DnsError.None)
            return false;
        if (labels == 0 && !Utf8Text.TryAppend(destination, ref position, (byte)'.'))
            return false;
        written = position;
        return true;
    }
}
