using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Channels;
using Edge.Uplink.Mqtt;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Edge.Cli.Collect;

/// <summary>The collector's MQTT side: one MQTT 5 connection at a time with a persistent session
/// (Clean Start off, a week's expiry, a stable client id), the shared subscriptions, every message
/// parsed and handed to the batch writer with its acknowledgement deferred; on loss, reconnect with
/// backoff. A new client per connection, so acknowledgements never cross connections.</summary>
public sealed class CollectorClient : IAsyncDisposable
{
    /// <summary>Bigger packets the broker drops before they reach us (MQTT 5 Maximum Packet Size), so
    /// nothing on the topics can blow up the collector's memory; 64 KiB to 1 MiB are rejected and kept.</summary>
    public const uint MaximumPacketSize = 1024 * 1024;

    /// <summary>Socket send and receive buffers.</summary>
    public const int SocketBufferBytes = 4 * 1024 * 1024;

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    private readonly CollectSettings _settings;
    private readonly CollectTopics _topics;
    private readonly IncomingParser _parser;
    private readonly ChannelWriter<Delivery> _deliveries;
    private readonly CollectCounters _counters;
    private readonly CollectLog _log;
    private readonly TimeProvider _time;
    private readonly BrokerCertificateCheck? _certificateCheck;
    private readonly MqttClientFactory _factory = new();
    private volatile bool _intakeOpen = true;
    private IMqttClient? _current;
    private long _unacknowledged;
    private int _floodReported;

    public CollectorClient(CollectSettings settings, ChannelWriter<Delivery> deliveries, CollectCounters counters, CollectLog log, TimeProvider time)
    {
        _settings = settings;
        _topics = new CollectTopics(settings.Prefix, settings.Group, settings.Shared);
        _parser = new IncomingParser(_topics);
        _deliveries = deliveries;
        _counters = counters;
        _log = log;
        _time = time;
        if (settings.Broker.UseTls)
            _certificateCheck = new BrokerCertificateCheck(settings.Broker.Host, settings.CaFile);
    }

    public bool IsConnected => _current?.IsConnected == true;

    /// <summary>Connects, and reconnects after every loss, until <paramref name="stop"/>.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        var attempt = 0;
        while (!stop.IsCancellationRequested)
        {
            var (lost, failure) = await ConnectAsync(stop).ConfigureAwait(false);
            if (lost is not null)
            {
                attempt = 0;
                try
                {
                    failure = await lost.Task.WaitAsync(stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            if (stop.IsCancellationRequested)
                return;
            var wait = backoff.Delay(attempt++);
            _log.Line($"mqtt: {_settings.Broker}: {failure}; trying again in {wait.TotalSeconds:F1} s (unacknowledged messages stay with the broker)");
            try
            {
                await Task.Delay(wait, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Stops taking messages: later ones are left unacknowledged for the next session, and
    /// the batch writer is told nothing more comes.</summary>
    public void StopIntake()
    {
        _intakeOpen = false;
        _deliveries.TryComplete();
    }

    /// <summary>A clean DISCONNECT; the session stays with the broker for <see cref="CollectSettings.SessionExpiry"/>.</summary>
    public async Task DisconnectAsync(TimeSpan timeout)
    {
        if (_current is not { IsConnected: true } client)
            return;
        using var limit = new CancellationTokenSource(timeout, _time);
        try
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptions { Reason = MqttClientDisconnectOptionsReason.NormalDisconnection }, limit.Token)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or ObjectDisposedException)
        {
            // Closing anyway; the broker keeps the session either way.
        }
    }

    private async Task<(TaskCompletionSource<string>? Lost, string Failure)> ConnectAsync(CancellationToken stop)
    {
        _certificateCheck?.Reset();
        var client = _factory.CreateMqttClient();
        var lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.DisconnectedAsync += e =>
        {
            lost.TrySetResult(e.Exception is not null ? $"connection lost ({e.Reason}: {e.Exception.Message})"
                : e.Reason == MqttClientDisconnectReason.NormalDisconnection && string.IsNullOrEmpty(e.ReasonString) ? "the broker closed the connection"
                : $"the broker disconnected us ({e.Reason}{(string.IsNullOrEmpty(e.ReasonString) ? "" : ": " + e.ReasonString)})");
            return Task.CompletedTask;
        };
        client.ApplicationMessageReceivedAsync += e => OnMessageAsync(e, client);
        try
        {
            using var timeout = new CancellationTokenSource(ConnectTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
            // WaitAsync as well as the token: a connect that ignored its token would stall every later try.
            var result = await client.ConnectAsync(Options(), linked.Token).WaitAsync(ConnectTimeout, _time, stop).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
                return Fail(client, ConnectFailure.Describe(result));
            var refused = await SubscribeAsync(client, linked.Token).WaitAsync(ConnectTimeout, _time, stop).ConfigureAwait(false);
            if (refused is not null)
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None).ConfigureAwait(false);
                return Fail(client, refused);
            }
            var previous = Interlocked.Exchange(ref _current, client);
            previous?.Dispose();
            _counters.Connected();
            _log.Line($"mqtt: connected to {_settings.Broker} as {_settings.ClientId} (session {(result.IsSessionPresent ? "resumed" : "new")}), " +
                $"subscribed to {string.Join(", ", _topics.Filters)}");
            if (previous is not null && !result.IsSessionPresent)
                _log.Line($"mqtt: the broker had lost this collector's session (restarted without its saved state, or the session expired): " +
                    "what it held for us is gone; sensors send again what they kept when they find their own session gone");
            return (lost, "");
        }
#pragma warning disable CA1031 // Every way a connect fails is a line in the log and another try.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Fail(client, stop.IsCancellationRequested ? "stopped"
                : ConnectFailure.Describe(e, _certificateCheck?.LastRefusal, _settings.Broker.UseTls, _settings.ClientCertificateFile));
        }
    }

    private static (TaskCompletionSource<string>?, string) Fail(IMqttClient client, string failure)
    {
        client.Dispose();
        return (null, failure);
    }

    /// <returns>Why a filter was refused (an ACL), or null when all were granted.</returns>
    private async Task<string?> SubscribeAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in _topics.Filters)
            subscribe.WithTopicFilter(f => f.WithTopic(filter).WithAtLeastOnceQoS());
        var result = await client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
        var refused = result.Items
            .Where(i => i.ResultCode is not (MqttClientSubscribeResultCode.GrantedQoS0 or MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2))
            .Select(i => $"{i.TopicFilter.Topic} ({i.ResultCode})")
            .ToList();
        return refused.Count == 0 ? null : "subscription refused: " + string.Join(", ", refused);
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e, IMqttClient client)
    {
        e.AutoAcknowledge = false;
        if (!_intakeOpen)
            return;
        var message = e.ApplicationMessage;
        var parsed = _parser.Parse(message.Topic, message.Payload, _time.GetUtcNow().ToUnixTimeMilliseconds());
        IDeliveryAck ack = NoAck.Instance;
        if (message.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce)
        {
            ack = new MqttDeliveryAck(e, client, () => Interlocked.Decrement(ref _unacknowledged));
            CheckFlowControl(Interlocked.Increment(ref _unacknowledged));
        }
        _counters.Received();
        try
        {
            await _deliveries.WriteAsync(new Delivery(parsed, ack)).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // Shutting down: left unacknowledged, so the broker delivers it again.
        }
    }

    /// <summary>A broker that keeps sending past our Receive Maximum (MQTT 5 §4.9) makes the client
    /// buffer its backlog in memory; mosquitto before 2.0.13 does so once acknowledgements flow
    /// (measured with 2.0.11). Said once, so an operator knows why memory grows. The margin covers a
    /// PUBACK the broker has read before its sender counted it as sent.</summary>
    private void CheckFlowControl(long unacknowledged)
    {
        if (unacknowledged > _settings.ReceiveMaximum + 100 && Interlocked.Exchange(ref _floodReported, 1) == 0)
            _log.Line($"mqtt: the broker has {unacknowledged:N0} messages out to us unacknowledged, more than our Receive Maximum " +
                $"({_settings.ReceiveMaximum:N0}): it ignores MQTT 5 flow control (mosquitto before 2.0.13 does), so its backlog is buffered in our memory");
    }

    private MqttClientOptions Options()
    {
        var endpoint = _settings.Broker;
        var tcp = new MqttClientTcpOptions
        {
            RemoteEndpoint = IPAddress.TryParse(endpoint.Host, out var address) ? new IPEndPoint(address, endpoint.Port) : new DnsEndPoint(endpoint.Host, endpoint.Port),
            NoDelay = true,
            // MQTTnet sets SO_RCVBUF to this (8 KiB by default), which turns off the kernel's
            // autotuning: the receive window then caps a collector at one window per round trip,
            // and on loopback (64 KiB MSS) it stalled at ~30 messages/s. The kernel caps it at net.core.rmem_max.
            BufferSize = SocketBufferBytes,
        };
        if (endpoint.UseTls)
        {
            var check = _certificateCheck!;
            tcp.TlsOptions = new MqttClientTlsOptions
            {
                UseTls = true,
                TargetHost = endpoint.Host,
                RevocationMode = X509RevocationMode.NoCheck,
                CertificateValidationHandler = e => check.Validate(e.Certificate, e.Chain, e.SslPolicyErrors),
                ClientCertificatesProvider = _settings.ClientCertificateFile is { } cert && _settings.ClientKeyFile is { } key
                    ? new PemClientCertificate(cert, key)
                    : null,
            };
        }
        var options = new MqttClientOptions
        {
            ChannelOptions = tcp,
            ClientId = _settings.ClientId,
            ProtocolVersion = MqttProtocolVersion.V500,
            CleanSession = false,
            SessionExpiryInterval = (uint)CollectSettings.SessionExpiry.TotalSeconds,
            ReceiveMaximum = _settings.ReceiveMaximum,
            MaximumPacketSize = MaximumPacketSize,
            KeepAlivePeriod = TimeSpan.FromSeconds(30),
            Timeout = TimeSpan.FromSeconds(10),
        };
        if (_settings.Username is not null)
            options.Credentials = new MqttClientCredentials(_settings.Username, _settings.Password is null ? null : Encoding.UTF8.GetBytes(_settings.Password));
        return options;
    }

    public ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _current, null)?.Dispose();
        return ValueTask.CompletedTask;
    }
}
