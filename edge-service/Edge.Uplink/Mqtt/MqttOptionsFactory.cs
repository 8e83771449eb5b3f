using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Edge.Uplink.Messages;
using Edge.Uplink.Topics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Edge.Uplink.Mqtt;

/// <summary>Builds the MQTTnet client options: endpoint and TLS, credentials, the persistent
/// session, keep-alive and the Last Will (<c>{"state":"offline"}</c>, retained, QoS 1, on the
/// status topic).</summary>
public static class MqttOptionsFactory
{
    public static MqttClientOptions Create(UplinkOptions options, BrokerEndpoint endpoint, SensorIdentity identity,
        TopicLayout topics, BrokerCertificateCheck? certificateCheck)
    {
        if (!MqttVersion.TryParse(options.ProtocolVersion, out var version))
            throw new ArgumentException($"ProtocolVersion '{options.ProtocolVersion}' must be 5 or 3.1.1", nameof(options));
        var tcp = new MqttClientTcpOptions
        {
            RemoteEndpoint = IPAddress.TryParse(endpoint.Host, out var address)
                ? new IPEndPoint(address, endpoint.Port)
                : new DnsEndPoint(endpoint.Host, endpoint.Port),
            NoDelay = true,
        };
        if (endpoint.UseTls)
            tcp.TlsOptions = Tls(options, endpoint, certificateCheck);

        var mqtt = new MqttClientOptions
        {
            ChannelOptions = tcp,
            ClientId = identity.ClientId,
            ProtocolVersion = version,
            KeepAlivePeriod = TimeSpan.FromSeconds(options.KeepAliveSeconds),
            Timeout = TimeSpan.FromSeconds(options.ConnectTimeoutSeconds),
            // Persistent session: the broker keeps the command subscription and queued commands.
            CleanSession = false,
            SessionExpiryInterval = version == MqttProtocolVersion.V500 ? options.SessionExpirySeconds : 0,
            WillTopic = topics.Status,
            WillPayload = JsonSerializer.SerializeToUtf8Bytes(new StatusMessage { State = StatusMessage.Offline }, UplinkJsonContext.Default.StatusMessage),
            WillQualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
            WillRetain = true,
        };
        if (!string.IsNullOrEmpty(options.Username))
            mqtt.Credentials = new MqttClientCredentials(options.Username, options.Password is null ? null : System.Text.Encoding.UTF8.GetBytes(options.Password));
        return mqtt;
    }

    private static MqttClientTlsOptions Tls(UplinkOptions options, BrokerEndpoint endpoint, BrokerCertificateCheck? check)
    {
        var tls = new MqttClientTlsOptions
        {
            UseTls = true,
            TargetHost = endpoint.Host,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        if (check is not null)
            tls.CertificateValidationHandler = e => check.Validate(e.Certificate, e.Chain, e.SslPolicyErrors);
        if (options.ClientCertificateFile is not null && options.ClientKeyFile is not null)
            tls.ClientCertificatesProvider = new PemClientCertificate(options.ClientCertificateFile, options.ClientKeyFile);
        return tls;
    }
}
