using System.Diagnostics.CodeAnalysis;

namespace Edge.Uplink.Mqtt;

/// <summary>A broker address from <c>mqtt://host:port</c> (plain, default port 1883) or
/// <c>mqtts://host:port</c> (TLS, default port 8883).</summary>
public sealed record BrokerEndpoint(string Host, int Port, bool UseTls)
{
    public static BrokerEndpoint Parse(string broker) =>
        TryParse(broker, out var endpoint, out var error) ? endpoint : throw new ArgumentException(error, nameof(broker));

    public static bool TryParse(string broker, [NotNullWhen(true)] out BrokerEndpoint? endpoint, [NotNullWhen(false)] out string? error)
    {
        endpoint = null;
        error = $"Broker '{broker}' must be mqtt://host:port or mqtts://host:port";
        if (!Uri.TryCreate(broker, UriKind.Absolute, out var uri) || uri.Host.Length == 0
            || uri.AbsolutePath.Length > 1 || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
            return false;
        bool tls;
        switch (uri.Scheme)
        {
            case "mqtt":
                tls = false;
                break;
            case "mqtts":
                tls = true;
                break;
            default:
                error = $"Broker '{broker}': the scheme must be mqtt or mqtts";
                return false;
        }

        var port = uri.IsDefaultPort || uri.Port < 0 ? (tls ? 8883 : 1883) : uri.Port;
        endpoint = new BrokerEndpoint(uri.IdnHost.Trim('[', ']'), port, tls);
        error = null;
        return true;
    }

    public override string ToString() => $"{(UseTls ? "mqtts" : "mqtt")}://{Host}:{Port}";
}
