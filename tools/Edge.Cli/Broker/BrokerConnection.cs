using System.Buffers;
using System.Threading.Channels;
using Edge.Uplink.Mqtt;
using MQTTnet;
using MQTTnet.Protocol;

namespace Edge.Cli.Broker;

/// <summary>One connection to the broker: connect (failures described in one line), subscribe,
/// publish, and the messages received, in order, on <see cref="Messages"/>. The channel is bounded,
/// so a slow reader holds back the PUBACKs instead of growing memory.</summary>
public sealed class BrokerConnection : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly Channel<BrokerMessage> _messages = Channel.CreateBounded<BrokerMessage>(
        new BoundedChannelOptions(4096) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _lost = new();
    private readonly TimeProvider _time;
    private volatile bool _disposed;

    private BrokerConnection(IMqttClient client, TimeProvider time)
    {
        _client = client;
        _time = time;
        client.ApplicationMessageReceivedAsync += async e =>
        {
            var message = e.ApplicationMessage;
            await _messages.Writer.WriteAsync(new BrokerMessage(message.Topic, message.Payload.ToArray(), message.Retain, _time.GetUtcNow()), _lost.Token)
                .ConfigureAwait(false);
        };
        client.DisconnectedAsync += e =>
        {
            LostReason = e.Exception is not null ? $"{e.Reason}: {e.Exception.Message}" : e.Reason.ToString();
            _messages.Writer.TryComplete();
            if (!_disposed)
                _lost.Cancel();
            return Task.CompletedTask;
        };
    }

    public ChannelReader<BrokerMessage> Messages => _messages.Reader;

    /// <summary>Cancelled when the connection drops.</summary>
    public CancellationToken Lost => _lost.Token;

    public string? LostReason { get; private set; }

    public bool IsConnected => _client.IsConnected;

    /// <exception cref="BrokerException">The broker cannot be reached or refuses the connection.</exception>
    public static async Task<BrokerConnection> ConnectAsync(BrokerOptions options, string purpose, TimeProvider time, CancellationToken cancellationToken)
    {
        var check = options.Endpoint.UseTls ? new BrokerCertificateCheck(options.Endpoint.Host, options.CaFile) : null;
        var client = new MqttClientFactory().CreateMqttClient();
        var connection = new BrokerConnection(client, time);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ConnectTimeout);
            // WaitAsync as well as the token: a connect that ignored its token would hold the caller for good.
            var result = await client.ConnectAsync(BrokerClientOptions.Create(options, BrokerClientOptions.ClientId(purpose), check), timeout.Token)
                .WaitAsync(options.ConnectTimeout + TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
                throw new BrokerException($"{options.Endpoint}: {ConnectFailure.Describe(result)}");
            return connection;
        }
        catch (Exception e) when (e is not BrokerException && !cancellationToken.IsCancellationRequested)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new BrokerException($"{options.Endpoint}: {ConnectFailure.Describe(e, check?.LastRefusal, options.Endpoint.UseTls, options.ClientCertificateFile)}");
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <exception cref="BrokerException">The broker refused a filter (an ACL, say).</exception>
    public async Task SubscribeAsync(IEnumerable<string> filters, MqttQualityOfServiceLevel qos, CancellationToken cancellationToken)
    {
        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in filters)
            builder = builder.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(qos));
        var result = await _client.SubscribeAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
        foreach (var item in result.Items)
        {
            if (item.ResultCode is not (MqttClientSubscribeResultCode.GrantedQoS0 or MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2))
                throw new BrokerException($"the broker refused the subscription to {item.TopicFilter.Topic}: {item.ResultCode}");
        }
    }

    /// <exception cref="BrokerException">The broker refused the message (MQTT 5 reason code).</exception>
    public async Task PublishAsync(string topic, byte[] payload, MqttQualityOfServiceLevel qos, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessage
        {
            Topic = topic,
            Payload = new ReadOnlySequence<byte>(payload),
            QualityOfServiceLevel = qos,
        };
        var result = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
            throw new BrokerException($"the broker refused the message on {topic}: {result.ReasonCode}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token)
                    .WaitAsync(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or MQTTnet.Exceptions.MqttCommunicationException)
        {
            // Leaving anyway: the broker may already be gone.
        }
        _messages.Writer.TryComplete();
        await _lost.CancelAsync().ConfigureAwait(false);
        _disposed = true;
        _client.Dispose();
        _lost.Dispose();
    }
}
