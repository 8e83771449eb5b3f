using Edge.Watch.Dns;
using Edge.Watch.Http;
using Edge.Watch.Link;
using Edge.Watch.Net;
using Edge.Watch.Tls;
using Edge.Watch.Transport;

namespace Edge.Watch.Decoding;

public static class DecodeReasonNames
{
    /// <summary>"ipv4.bad_total_length" style names for reports and the heartbeat.</summary>
    public static string Describe(DecodeLayer layer, byte reason)
    {
        var name = layer switch
        {
            DecodeLayer.Link => Enum.GetName((LinkError)reason),
            DecodeLayer.Ipv4 or DecodeLayer.Ipv6 => Enum.GetName((IpError)reason),
            DecodeLayer.Tcp or DecodeLayer.Udp or DecodeLayer.Icmp => Enum.GetName((TransportError)reason),
            DecodeLayer.Dns => Enum.GetName((DnsError)reason),
            DecodeLayer.Tls => Enum.GetName((TlsError)reason),
            DecodeLayer.Http => Enum.GetName((HttpError)reason),
            DecodeLayer.Stream => Enum.GetName((StreamError)reason),
            _ => null,
        } ?? "Reason" + reason;
        return LayerName(layer) + "." + SnakeCase(name);
    }

    private static string LayerName(DecodeLayer layer) => layer.ToString().ToLowerInvariant();

    private static string SnakeCase(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
                builder.Append('_');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
