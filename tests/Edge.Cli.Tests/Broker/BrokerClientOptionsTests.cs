using Edge.Cli.Broker;
using Edge.Uplink.Mqtt;
using MQTTnet;
using MQTTnet.Formatter;

namespace Edge.Cli.Tests.Broker;

public sealed class BrokerClientOptionsTests
{
    [Fact]
    public void A_plain_broker_gives_a_clean_MQTT_5_session_that_the_broker_forgets_with_credentials_when_given()
    {
        var options = BrokerClientOptions.Create(new BrokerOptions(BrokerEndpoint.Parse("mqtt://127.0.0.1:1884")) { Username = "team", Password = "s3cret" },
            "edgectl-watch-1", null);

        var tcp = Assert.IsType<MqttClientTcpOptions>(options.ChannelOptions);
        Assert.Equal("127.0.0.1:1884", tcp.RemoteEndpoint.ToString());
        Assert.Null(tcp.TlsOptions?.UseTls == true ? tcp.TlsOptions : null);
        Assert.Equal((MqttProtocolVersion.V500, true, 0u), (options.ProtocolVersion, options.CleanSession, options.SessionExpiryInterval));
        Assert.Equal("team", options.Credentials.GetUserName(options));
        Assert.Equal("s3cret"u8.ToArray(), options.Credentials.GetPassword(options));
    }

    [Fact]
    public void A_tls_broker_checks_the_host_and_offers_the_client_certificate()
    {
        var endpoint = BrokerEndpoint.Parse("mqtts://broker.example:8883");
        var check = new BrokerCertificateCheck(endpoint.Host, null);

        var options = BrokerClientOptions.Create(new BrokerOptions(endpoint) { ClientCertificateFile = "c.pem", ClientKeyFile = "k.pem" }, "edgectl-cmd-1", check);

        var tls = Assert.IsType<MqttClientTcpOptions>(options.ChannelOptions).TlsOptions;
        Assert.True(tls.UseTls);
        Assert.Equal("broker.example", tls.TargetHost);
        Assert.NotNull(tls.CertificateValidationHandler);
        Assert.IsType<PemClientCertificate>(tls.ClientCertificatesProvider);
    }

    [Fact]
    public void Client_ids_name_the_purpose_and_differ_between_runs()
    {
        var a = BrokerClientOptions.ClientId("watch");
        var b = BrokerClientOptions.ClientId("watch");

        Assert.Matches("^edgectl-watch-[0-9a-f]{8}$", a);
        Assert.NotEqual(a, b);
    }
}
