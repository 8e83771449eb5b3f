using MQTTnet;
using Edge.Uplink.Mqtt;

namespace Edge.Service.Uplink;

/// <summary>A subscriber on the embedded broker that counts what a responder would receive there:
/// alerts, status and heartbeat messages.</summary>
public sealed class BrokerEcho : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private long _alerts;
    private long _status;
    private long _heartbeats;
    private long _all;

    private BrokerEcho(IMqttClient client) => _client = client;

    public long Alerts => Interlocked.Read(ref _alerts);

    public long Status => Interlocked.Read(ref _status);

    public long Heartbeats => Interlocked.Read(ref _heartbeats);

    public static async Task<BrokerEcho> StartAsync(string url, string root)
    {
        var client = TcpOnlyAdapterFactory.ClientFactory().CreateMqttClient();
        var echo = new BrokerEcho(client);
        client.ApplicationMessageReceivedAsync += e =>
        {
            echo.Count(e.ApplicationMessage.Topic, root);
            return Task.CompletedTask;
        };
        var uri = new Uri(url);
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(uri.Host, uri.Port).WithClientId("edge.replay-echo").Build())
            .ConfigureAwait(false);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter($"{root}/#").Build()).ConfigureAwait(false);
        return echo;
    }

    /// <summary>Waits (bounded) until the subscriber has seen at least <paramref name="messages"/> messages.</summary>
    public async Task WaitForAsync(long messages, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Interlocked.Read(ref _all) < messages && DateTime.UtcNow < deadline)
            await Task.Delay(10).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
            await _client.DisconnectAsync().ConfigureAwait(false);
        _client.Dispose();
    }

    private void Count(string topic, string root)
    {
        Interlocked.Increment(ref _all);
        var tail = topic.Length > root.Length ? topic[(root.Length + 1)..] : "";
        if (tail.StartsWith("alert/", StringComparison.Ordinal))
            Interlocked.Increment(ref _alerts);
        else if (tail == "status")
            Interlocked.Increment(ref _status);
        else if (tail == "heartbeat")
            Interlocked.Increment(ref _heartbeats);
    }
}
