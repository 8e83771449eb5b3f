using Edge.Uplink.Mqtt;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;

namespace Edge.Uplink.Tests.Mqtt;

public sealed class TcpOnlyAdapterFactoryTests
{
    [Fact]
    public void A_tcp_broker_gets_mqttnets_channel_adapter()
    {
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", 1883).Build();
        using var adapter = new TcpOnlyAdapterFactory().CreateClientAdapter(options, null!, new MqttNetNullLogger());
        Assert.IsType<MqttChannelAdapter>(adapter);
    }

    [Fact]
    public void A_websocket_broker_is_refused_with_the_transports_that_work()
    {
        var options = new MqttClientOptionsBuilder().WithWebSocketServer(o => o.WithUri("ws://127.0.0.1:8080/mqtt")).Build();
        var refused = Assert.Throws<NotSupportedException>(() => new TcpOnlyAdapterFactory().CreateClientAdapter(options, null!, new MqttNetNullLogger()));
        Assert.Contains("mqtts://", refused.Message);
    }
}
