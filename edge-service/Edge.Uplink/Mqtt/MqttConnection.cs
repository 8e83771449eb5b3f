using System.Buffers;
using System.Text.Json;
using Edge.Uplink.Messages;
using Edge.Uplink.Topics;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace Edge.Uplink.Mqtt;

/// <summary>Makes one connection: connect with the persistent session and the Last Will, subscribe
/// to the sensor's commands, publish the retained birth message. Returns the live session, or why
/// it could not.</summary>
public sealed class MqttConnection
{
    private readonly UplinkOptions _options;
    private readonly SensorIdentity _identity;
    private readonly TopicLayout _topics;
    private readonly ICommandInbox? _commands;
    private readonly UplinkCounters _counters;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly MqttClientFactory _factory;
    private readonly BrokerCertificateCheck? _certificateCheck;

    public MqttConnection(UplinkOptions options, SensorIdentity identity, TopicLayout topics, ICommandInbox? commands,
        UplinkCounters counters, ILogger logger, TimeProvider time, MqttClientFactory? factory = null)
    {
        _options = options;
        _identity = identity;
        _topics = topics;
        _commands = commands;
        _counters = counters;
        _logger = logger;
        _time = time;
        _factory = factory ?? TcpOnlyAdapterFactory.ClientFactory();
        Endpoint = BrokerEndpoint.Parse(options.Broker ?? "");
        if (Endpoint.UseTls)
            _certificateCheck = new BrokerCertificateCheck(Endpoint.Host, options.CaFile);
    }

    public BrokerEndpoint Endpoint { get; }

    /// <summary>The live session, or null with the reason in <paramref name="failure"/>.</summary>
    public async Task<(UplinkSession? Session, string? Failure)> ConnectAsync(CancellationToken cancellationToken)
    {
        _certificateCheck?.Reset();
        var client = _factory.CreateMqttClient();
        var session = new UplinkSession(client, new LinkWatchdog(_time, TimeSpan.FromSeconds(_options.KeepAliveSeconds)));
        client.DisconnectedAsync += e =>
        {
            session.MarkLost(e.Exception is not null ? $"{e.Reason}: {e.Exception.Message}"
                : e.Reason == MqttClientDisconnectReason.NormalDisconnection ? "the broker closed the connection"
                : $"the broker disconnected the sensor ({e.Reason}{(string.IsNullOrEmpty(e.ReasonString) ? "" : ": " + e.ReasonString)})");
            return Task.CompletedTask;
        };
        if (_commands is not null)
            client.ApplicationMessageReceivedAsync += e => OnMessageAsync(e, session);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds), _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var options = MqttOptionsFactory.Create(_options, Endpoint, _identity, _topics, _certificateCheck);
            // WaitAsync as well as the token: a connect that ignored its token would stop the uplink for good.
            var result = await client.ConnectAsync(options, linked.Token)
                .WaitAsync(TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds + 5), _time, cancellationToken).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
                return Fail(session, ConnectFailure.Describe(result));
            session.ConnectResult = result;
            if (_commands is not null)
                await SubscribeAsync(client, linked.Token).ConfigureAwait(false);
            await PublishBirthAsync(client, linked.Token).ConfigureAwait(false);
            session.Watchdog.Heard();
            return (session, null);
        }
        catch (Exception e)
        {
            return Fail(session, ConnectFailure.Describe(e, _certificateCheck?.LastRefusal, Endpoint.UseTls, _options.ClientCertificateFile));
        }
    }

    private static (UplinkSession?, string?) Fail(UplinkSession session, string reason)
    {
        session.Dispose();
        return (null, reason);
    }

    private async Task SubscribeAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(_topics.CommandFilter).WithAtLeastOnceQoS())
            .Build();
        var result = await client.SubscribeAsync(subscribe, cancellationToken).ConfigureAwait(false);
        foreach (var item in result.Items)
        {
            if (item.ResultCode is not (MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS0 or MqttClientSubscribeResultCode.GrantedQoS2))
            {
                UplinkLog.SubscribeRefused(_logger, _topics.CommandFilter, item.ResultCode.ToString());
                _counters.Error($"command subscription refused: {item.ResultCode}");
            }
        }
    }

    private async Task PublishBirthAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var birth = new StatusMessage
        {
            State = StatusMessage.Online,
            Version = _identity.Version,
            Board = _identity.Board,
            IntelVersion = _identity.IntelVersion,
            Started = _identity.StartedText,
            Slot = _identity.Slot,
            Rollback = _identity.Rollback,
            Ts = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        var result = await client.PublishAsync(StatusMessageOf(birth), cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            UplinkLog.BirthRefused(_logger, _topics.Status, result.ReasonCode.ToString());
            _counters.Error($"birth message refused: {result.ReasonCode}");
        }
    }

    /// <summary>The retained status message (birth, or the offline one of a clean stop).</summary>
    public MqttApplicationMessage StatusMessageOf(StatusMessage status) => new()
    {
        Topic = _topics.Status,
        Payload = new ReadOnlySequence<byte>(JsonSerializer.SerializeToUtf8Bytes(status, UplinkJsonContext.Default.StatusMessage)),
        QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
        Retain = true,
    };

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e, UplinkSession session)
    {
        session.Watchdog.Heard();
        var topic = e.ApplicationMessage.Topic;
        var name = _topics.CommandName(topic);
        if (name is null)
        {
            UplinkLog.NotACommand(_logger, topic);
            return;
        }

        _counters.CommandReceived();
        try
        {
            await _commands!.HandleAsync(name, e.ApplicationMessage.Payload.ToArray(), session.Lost).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            UplinkLog.CommandHandlerFailed(_logger, exception, name);
            _counters.Error($"command handler failed on {name}: {exception.Message}");
        }
    }
}
