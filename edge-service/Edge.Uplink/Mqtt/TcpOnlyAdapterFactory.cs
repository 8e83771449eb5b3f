using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;

namespace Edge.Uplink.Mqtt;

/// <summary>
/// MQTTnet's client adapters for MQTT over TCP, plain or TLS, the only transports a broker URI here
/// names (<see cref="BrokerEndpoint"/>). MQTTnet's default factory also makes WebSocket channels, which
/// bring System.Net.Http's client stack into a NativeAOT binary that never uses it.
/// </summary>
public sealed class TcpOnlyAdapterFactory : IMqttClientAdapterFactory
{
    /// <summary>A client factory that makes TCP clients only; use it instead of <c>new MqttClientFactory()</c>.</summary>
    public static MqttClientFactory ClientFactory() => new(new MqttNetNullLogger(), new TcpOnlyAdapterFactory());

    public IMqttChannelAdapter CreateClientAdapter(MqttClientOptions options, MqttPacketInspector packetInspector, IMqttNetLogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ChannelOptions is not MqttClientTcpOptions)
            throw new NotSupportedException("the uplink speaks MQTT over TCP (mqtt:// or mqtts://) only");
        var formatter = new MqttPacketFormatterAdapter(options.ProtocolVersion, new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax));
        return new MqttChannelAdapter(new MqttTcpChannel(options), formatter, logger)
        {
            AllowPacketFragmentation = options.AllowPacketFragmentation,
            PacketInspector = packetInspector,
        };
    }
}
