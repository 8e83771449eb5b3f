using Edge.Watch.Http;
using Edge.Watch.Tls;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>Picks the application protocol of a payload the way the engine does (port 53, TLS
/// handshake record, HTTP method) and adds that protocol's fields.</summary>
public static class ApplicationFieldLocator
{
    private const ushort DnsPort = 53;

    public static void Add(FieldList fields, byte[] frame, int payload, int length, bool tcp, bool udp, ushort sourcePort, ushort destinationPort)
    {
        var data = frame.AsSpan(payload, length);
        if (sourcePort == DnsPort || destinationPort == DnsPort)
        {
            if (udp)
            {
                DnsFieldLocator.Add(fields, frame, payload, length);
            }
            else if (tcp && length >= 2)
            {
                fields.U16("dns.tcp_length", payload);
                DnsFieldLocator.Add(fields, frame, payload + 2, length - 2);
            }
            return;
        }
        if (!tcp)
            return;
        if (ClientHelloReader.LooksLikeHandshake(data))
            TlsFieldLocator.Add(fields, frame, payload, length);
        else if (HttpRequestHeadReader.LooksLikeRequest(data))
            AddRequestLine(fields, data, payload);
    }

    private static void AddRequestLine(FieldList fields, ReadOnlySpan<byte> data, int payload)
    {
        var end = data.IndexOf((byte)'\n');
        end = end < 0 ? data.Length : end + 1;
        for (var i = 0; i < Math.Min(end, 64); i++)
            fields.Add("http.request_line", payload + i, 1, 0xFF, ' ');
    }
}
