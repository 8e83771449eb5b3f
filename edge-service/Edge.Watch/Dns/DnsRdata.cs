using System.Buffers.Binary;
using Edge.Watch.Decoding;
using Edge.Watch.Net;

namespace Edge.Watch.Dns;

/// <summary>RDATA presentation (UTF-8) for the event log.</summary>
public static class DnsRdata
{
    /// <summary>A: dotted quad. AAAA: RFC 5952 text, as System.Net.IPAddress writes it.
    /// CNAME, NS, PTR, DNAME: the target; MX: the exchange; SRV: the target; SOA: MNAME.
    /// TXT: the character-strings concatenated with nothing between them, '\' and octets outside
    /// 0x20..0x7E escaped (\\ \DDD). HTTPS, SVCB: "priority target", e.g. "1 .".
    /// False for other types, for RDATA that does not fit its type, or when the text does not fit.</summary>
    public static bool TryFormat(ReadOnlySpan<byte> message, in DnsRecord record, Span<byte> destination, out int written)
    {
        written = 0;
        var data = record.Data;
        var position = 0;
        switch (record.Type)
        {
            case DnsType.A:
                if (data.Length != 4 || !Ipv4Text.TryAppend(data, destination, ref position))
                    return false;
                written = position;
                return true;
            case DnsType.AAAA:
                return Ipv6Text.TryFormat(data, destination, out written);
            case DnsType.CNAME or DnsType.NS or DnsType.PTR or DnsType.DNAME or DnsType.SOA:
                return DnsName.TryRead(message, record.DataOffset, destination, out written);
            case DnsType.MX:
                return data.Length >= 2 && DnsName.TryRead(message, record.DataOffset + 2, destination, out written);
            case DnsType.SRV:
                return data.Length >= 6 && DnsName.TryRead(message, record.DataOffset + 6, destination, out written);
            case DnsType.TXT:
                return TryFormatText(data, destination, out written);
            case DnsType.SVCB or DnsType.HTTPS:
                return TryFormatService(message, record, destination, out written);
            default:
                return false;
        }
    }

    private static bool TryFormatText(ReadOnlySpan<byte> data, Span<byte> destination, out int written)
    {
        written = 0;
        var position = 0;
        var offset = 0;
        while (offset < data.Length)
        {
            var length = data[offset];
            if (data.Length - offset - 1 < length)
                return false;
            if (!DnsText.TryAppendEscaped(destination, ref position, data.Slice(offset + 1, length), DnsText.Escape.Text))
                return false;
            offset += 1 + length;
        }
        written = position;
        return true;
    }

    private static bool TryFormatService(ReadOnlySpan<byte> message, in DnsRecord record, Span<byte> destination, out int written)
    {
        written = 0;
        if (record.Data.Length < 2)
            return false;
        var position = 0;
        if (!Utf8Text.TryAppendNumber(destination, ref position, BinaryPrimitives.ReadUInt16BigEndian(record.Data))
            || !Utf8Text.TryAppend(destination, ref position, (byte)' ')
            || !DnsName.TryRead(message, record.DataOffset + 2, destination[position..], out var nameLength))
            return false;
        written = position + nameLength;
        return true;
    }
}
