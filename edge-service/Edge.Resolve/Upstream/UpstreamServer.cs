using System.Globalization;
using System.Net;

namespace Edge.Resolve.Upstream;

/// <summary>One configured upstream resolver. <see cref="TlsServerName"/> is the name its
/// certificate must carry; <see cref="TlsCaFile"/> a PEM file of private CAs to trust instead of
/// the system store.</summary>
public sealed record UpstreamServer(IPEndPoint Endpoint, UpstreamProtocol Protocol, string? TlsServerName = null, string? TlsCaFile = null)
{
    public const int DnsPort = 53;

    public const int DnsOverTlsPort = 853;

    private const string TlsScheme = "tls://";

    private const string UdpScheme = "udp://";

    /// <summary>Reads "10.0.0.1", "10.0.0.1:5353", "fd00::1", "[fd00::1]:53", "udp://10.0.0.1" or
    /// "tls://10.0.0.1:853#dns.example" (port 853 when omitted; the name after '#' is checked
    /// against the certificate). An address is required: the forwarder cannot resolve names to
    /// find its own upstream.</summary>
    public static bool TryParse(string? text, out UpstreamServer? server, out string? error)
    {
        server = null;
        error = null;
        var rest = text?.Trim() ?? "";
        if (rest.Length == 0)
        {
            error = "upstream is empty";
            return false;
        }

        var protocol = UpstreamProtocol.Udp;
        if (rest.StartsWith(TlsScheme, StringComparison.OrdinalIgnoreCase))
        {
            protocol = UpstreamProtocol.Tls;
            rest = rest[TlsScheme.Length..];
        }
        else if (rest.StartsWith(UdpScheme, StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[UdpScheme.Length..];
        }
        else if (rest.Contains("://", StringComparison.Ordinal))
        {
            error = $"upstream '{text}': unknown scheme (use udp:// or tls://)";
            return false;
        }

        string? serverName = null;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            if (protocol != UpstreamProtocol.Tls)
            {
                error = $"upstream '{text}': a '#server-name' applies to tls:// only";
                return false;
            }
            serverName = rest[(hash + 1)..];
            rest = rest[..hash];
            if (serverName.Length == 0 || Uri.CheckHostName(serverName) != UriHostNameType.Dns)
            {
                error = $"upstream '{text}': '{serverName}' is not a host name for the TLS certificate check";
                return false;
            }
        }

        var defaultPort = protocol == UpstreamProtocol.Tls ? DnsOverTlsPort : DnsPort;
        if (!TrySplitAddress(rest, defaultPort, out var endpoint, out var reason))
        {
            error = $"upstream '{text}': {reason}";
            return false;
        }
        server = new UpstreamServer(endpoint!, protocol, serverName);
        return true;
    }

    public override string ToString() => Protocol switch
    {
        UpstreamProtocol.Tls => $"tls://{Endpoint}" + (TlsServerName is null ? "" : "#" + TlsServerName),
        _ => Endpoint.ToString(),
    };

    private static bool TrySplitAddress(string text, int defaultPort, out IPEndPoint? endpoint, out string? reason)
    {
        endpoint = null;
        reason = null;
        string host;
        string? port = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                reason = "missing ']' after the IPv6 address";
                return false;
            }
            host = text[1..close];
            var after = text[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    reason = $"unexpected '{after}' after the IPv6 address";
                    return false;
                }
                port = after[1..];
            }
        }
        else if (text.Count(c => c == ':') == 1)
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            host = text[..colon];
            port = text[(colon + 1)..];
        }
        else
        {
            host = text;
        }

        if (!IPAddress.TryParse(host, out var address) || host.Length == 0)
        {
            reason = $"'{host}' is not an IP address";
            return false;
        }
        var number = defaultPort;
        if (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 65535))
        {
            reason = $"'{port}' is not a port (1-65535)";
            return false;
        }
        endpoint = new IPEndPoint(address, number);
        return true;
    }
}
