using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Edge.Uplink.Tests.TestSupport;

/// <summary>A consumer on the broker: subscribes with QoS 1, keeps every message it gets
/// (topic, payload text, retain flag), reconnects on its own when the broker goes away.</summary>
public sealed class TestSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttClientOptions _options;
    private readonly string[] _filters;
    private readonly CancellationTokenSource _stop = new();
    private Task? _keeper;

    private TestSubscriber(MqttClientOptions options, string[] filters)
    {
        _options = options;
        _filters = filters;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            Received.Enqueue(new Received(e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload), e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
    }

    public ConcurrentQueue<Received> Received { get; } = new();

    /// <summary>The <c>"n":</c> numbers of the test messages as they came off the wire, before
    /// MQTTnet queues them for the handler (it drops that queue when the link breaks, and a broker
    /// killed with -9 cannot deliver them again). Filled when connected with <c>countOnTheWire</c>.</summary>
    public ConcurrentQueue<long> WireNumbers { get; } = new();

    private void CountOnTheWire() => _client.InspectPacketAsync += e =>
    {
        // PUBLISH is packet type 3 (MQTT 3.1.1 §2.2.1, MQTT 5 §2.1.2).
        if (e.Direction == MQTTnet.Diagnostics.PacketInspection.MqttPacketFlowDirection.Inbound && e.Buffer.Length > 0 && e.Buffer[0] >> 4 == 3)
        {
            var text = Encoding.UTF8.GetString(e.Buffer);
            var at = text.IndexOf("\"n\":", StringComparison.Ordinal);
            if (at >= 0)
                WireNumbers.Enqueue(Alerts.NumberOf(text[at..]));
        }

        return Task.CompletedTask;
    };

    public bool IsConnected => _client.IsConnected;

    public long Connects;

    /// <param name="persistent">Keep the session (and its queued messages) while disconnected.</param>
    public static async Task<TestSubscriber> ConnectAsync(string host, int port, string clientId, bool persistent = false,
        string? username = null, string? password = null, bool countOnTheWire = false, params string[] filters)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(!persistent)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(5))
            .WithTimeout(TimeSpan.FromSeconds(5));
        if (persistent)
            builder = builder.WithSessionExpiryInterval(3600);
        if (username is not null)
            builder = builder.WithCredentials(username, password);
        var subscriber = new TestSubscriber(builder.Build(), filters);
        if (countOnTheWire)
            subscriber.CountOnTheWire();
        await subscriber.ConnectOnceAsync(CancellationToken.None);
        return subscriber;
    }

    /// <summary>Reconnects (every 50 ms) whenever the link drops, until disposed.</summary>
    public void KeepConnected() => _keeper = Task.Run(async () =>
    {
        while (!_stop.IsCancellationRequested)
        {
            if (!_client.IsConnected)
            {
                try
                {
                    await ConnectOnceAsync(_stop.Token);
                }
                catch (Exception) when (!_stop.IsCancellationRequested)
                {
                }
            }

            try
            {
                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    });

    private async Task ConnectOnceAsync(CancellationToken token)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        await _client.ConnectAsync(_options, timeout.Token);
        if (_filters.Length == 0)
        {
            Interlocked.Increment(ref Connects);
            return;
        }

        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in _filters)
            subscribe = subscribe.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        await _client.SubscribeAsync(subscribe.Build(), timeout.Token);
        Interlocked.Increment(ref Connects);
    }

    public async Task<MqttClientPublishResult> PublishAsync(string topic, string payload, bool retain = false)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return await _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build(), timeout.Token);
    }

    public async Task<MqttClientPublishResult> PublishAsync(string topic, byte[] payload)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return await _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), timeout.Token);
    }

    public IEnumerable<Received> On(string topic) => Received.Where(r => r.Topic == topic);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_keeper is not null)
            await _keeper.WaitAsync(TimeSpan.FromSeconds(10));
        try
        {
            if (_client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token);
            }
        }
        catch (Exception)
        {
            // The broker may already be gone.
        }

        _client.Dispose();
        _stop.Dispose();
    }
}

public sealed record Received(string Topic, string Payload, bool Retain);
