using System.Text;
using Edge.Watch.Dns;

namespace Edge.Watch.Tests.Dns;

/// <summary>String views of the codec's UTF-8 output, for assertions.</summary>
internal static class DnsTestText
{
    public static string? Name(ReadOnlySpan<byte> message, int offset)
    {
        Span<byte> buffer = stackalloc byte[DnsName.MaxPresentationLength];
        return DnsName.TryRead(message, offset, buffer, out var written) ? Encoding.ASCII.GetString(buffer[..written]) : null;
    }

    public static string? Rdata(ReadOnlySpan<byte> message, in DnsRecord record)
    {
        Span<byte> buffer = stackalloc byte[4096];
        return DnsRdata.TryFormat(message, record, buffer, out var written) ? Encoding.ASCII.GetString(buffer[..written]) : null;
    }
}
