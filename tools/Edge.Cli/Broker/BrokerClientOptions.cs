using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Edge.Uplink.Mqtt;
using MQTTnet;
using MQTTnet.Formatter;

namespace Edge.Cli.Broker;

/// <summary>MQTTnet options for a short-lived edgectl client: MQTT 5, clean start, no session kept
/// after it leaves (the collector is the one with a persistent session), TLS with the sensor's own
/// certificate check and PEM client certificate.</summary>
internal static class BrokerClientOptions
{
    /// <summary>A client id that never collides with a sensor's (<c>edge.…</c>) or another edgectl's.</summary>
    public static string ClientId(string purpose) => $"edgectl-{purpose}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    public static MqttClientOptions Create(BrokerOptions options, string clientId, BrokerCertificateCheck? certificateCheck)
    {
        var endpoint = options.Endpoint;
        var tcp = new MqttClientTcpOptions
        {
            RemoteEndpoint = IPAddress.TryParse(endpoint.Host, out var address)
                ? new IPEndPoint(address, endpoint.Port)
                : new DnsEndPoint(endpoint.Host, endpoint.Port),
            NoDelay = true,
        };
        if (endpoint.UseTls)
        {
            tcp.TlsOptions = new MqttClientTlsOptions
            {
                UseTls = true,
                TargetHost = endpoint.Host,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            if (certificateCheck is not null)
                tcp.TlsOptions.CertificateValidationHandler = e => certificateCheck.Validate(e.Certificate, e.Chain, e.SslPolicyErrors);
            if (options.ClientCertificateFile is not null && options.ClientKeyFile is not null)
                tcp.TlsOptions.ClientCertificatesProvider = new PemClientCertificate(options.ClientCertificateFile, options.ClientKeyFile);
        }
        var mqtt = new MqttClientOptions
        {
            ChannelOptions = tcp,
            ClientId = clientId,
            ProtocolVersion = MqttProtocolVersion.V500,
            KeepAlivePeriod = TimeSpan.FromSeconds(15),
            Timeout = options.ConnectTimeout,
            CleanSession = true,
            SessionExpiryInterval = 0,
        };
        if (!string.IsNullOrEmpty(options.Username))
            mqtt.Credentials = new MqttClientCredentials(options.Username, options.Password is null ? null : Encoding.UTF8.GetBytes(options.Password));
        return mqtt;
    }
}
