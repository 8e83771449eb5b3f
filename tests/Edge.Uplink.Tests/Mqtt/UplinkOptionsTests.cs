using Edge.Uplink.Mqtt;

namespace Edge.Uplink.Tests.Mqtt;

public class UplinkOptionsTests
{
    [Fact]
    public void Defaults_are_valid_without_a_broker() => new UplinkOptions().Validate();

    [Theory]
    [InlineData("mqtt://broker.example:1884", "broker.example", 1884, false)]
    [InlineData("mqtts://10.0.0.5", "10.0.0.5", 8883, true)]
    [InlineData("mqtt://[::1]:1883", "::1", 1883, false)]
    public void Broker_urls_parse(string url, string host, int port, bool tls)
    {
        Assert.Equal(new BrokerEndpoint(host, port, tls), BrokerEndpoint.Parse(url));
        new UplinkOptions { Broker = url }.Validate();
    }

    [Theory]
    [InlineData("http://broker:1883")]
    [InlineData("broker:1883")]
    [InlineData("mqtt://broker:1883/path")]
    [InlineData("mqtt://user:pw@broker:1883")]
    public void Bad_broker_names_the_field(string url)
    {
        var e = Assert.Throws<ArgumentException>(() => new UplinkOptions { Broker = url }.Validate());
        Assert.Equal("Broker", e.ParamName);
    }

    public static TheoryData<Action<UplinkOptions>, string> OutOfRange => new()
    {
        { o => o.KeepAliveSeconds = 0, nameof(UplinkOptions.KeepAliveSeconds) },
        { o => o.KeepAliveSeconds = 70_000, nameof(UplinkOptions.KeepAliveSeconds) },
        { o => o.HeartbeatSeconds = 0, nameof(UplinkOptions.HeartbeatSeconds) },
        { o => o.MaxInFlight = 0, nameof(UplinkOptions.MaxInFlight) },
        { o => o.ReconnectMinSeconds = 0, nameof(UplinkOptions.ReconnectMinSeconds) },
        { o => o.ReconnectMaxSeconds = 0.5, nameof(UplinkOptions.ReconnectMaxSeconds) },
        { o => o.ConnectTimeoutSeconds = 0, nameof(UplinkOptions.ConnectTimeoutSeconds) },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Out_of_range_values_name_the_field(Action<UplinkOptions> change, string field)
    {
        var options = new UplinkOptions { Broker = "mqtt://127.0.0.1:1883" };
        change(options);
        var e = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(field, e.ParamName);
    }

    [Fact]
    public void Protocol_version_is_5_or_3_1_1()
    {
        new UplinkOptions { ProtocolVersion = "3.1.1" }.Validate();
        new UplinkOptions { ProtocolVersion = "5" }.Validate();
        Assert.Equal("ProtocolVersion", Assert.Throws<ArgumentException>(() => new UplinkOptions { ProtocolVersion = "4" }.Validate()).ParamName);
    }

    [Fact]
    public void Tls_files_need_mqtts_exist_and_come_in_pairs()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.Equal("CaFile", Assert.Throws<ArgumentException>(() =>
                new UplinkOptions { Broker = "mqtt://127.0.0.1:1883", CaFile = file }.Validate()).ParamName);
            Assert.Equal("CaFile", Assert.Throws<ArgumentException>(() =>
                new UplinkOptions { Broker = "mqtts://127.0.0.1", CaFile = file + ".missing" }.Validate()).ParamName);
            Assert.Equal("ClientKeyFile", Assert.Throws<ArgumentException>(() =>
                new UplinkOptions { Broker = "mqtts://127.0.0.1", ClientCertificateFile = file }.Validate()).ParamName);
            Assert.Equal("Password", Assert.Throws<ArgumentException>(() =>
                new UplinkOptions { Password = "x" }.Validate()).ParamName);
            new UplinkOptions { Broker = "mqtts://127.0.0.1", CaFile = file, ClientCertificateFile = file, ClientKeyFile = file }.Validate();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
