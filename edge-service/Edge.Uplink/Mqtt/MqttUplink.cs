using System.Buffers;
using Edge.Uplink.Messages;
using Edge.Uplink.Outbox;
using Edge.Uplink.Topics;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace Edge.Uplink.Mqtt;

/// <summary>The sensor's MQTT uplink: keeps a connection to the broker (reconnecting with backoff),
/// publishes the outbox, the heartbeat and the birth/death status, and hands commands to the
/// <see cref="ICommandInbox"/>. <see cref="Start"/> once, <see cref="StopAsync"/> (or dispose) at the end.</summary>
public sealed class MqttUplink : IAsyncDisposable
{
    private readonly UplinkOptions _options;
    private readonly IOutbox _outbox;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly UplinkCounters _counters;
    private readonly MqttConnection _connection;
    private readonly PublishPump _pump;
    private readonly HeartbeatPublisher _heartbeat;
    private readonly ReconnectLoop _reconnect;
    private readonly SessionRecovery _recovery;
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    public MqttUplink(UplinkOptions options, SensorIdentity identity, IOutbox outbox, ILogger logger, TimeProvider? time = null,
        ICommandInbox? commands = null, IHeartbeatSource? heartbeat = null, string topicPrefix = TopicLayout.DefaultPrefix)
    {
        options.Validate();
        if (!options.HasBroker)
            throw new ArgumentException("no Broker configured (the service runs the embedded broker then)", nameof(options));
        _options = options;
        _outbox = outbox;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        Topics = new TopicLayout(identity.Agency, identity.Sensor, topicPrefix);
        _counters = new UplinkCounters(_time);
        _connection = new MqttConnection(options, identity, Topics, commands, _counters, logger, _time);
        _pump = new PublishPump(outbox, _counters, logger, _time);
        _recovery = new SessionRecovery(outbox, _counters, logger);
        _heartbeat = new HeartbeatPublisher(heartbeat ?? new UplinkHeartbeatSource(_time, identity.Started, () => identity.IntelVersion),
            outbox, _counters, Topics, _time, TimeSpan.FromSeconds(options.HeartbeatSeconds), logger);
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(options.ReconnectMinSeconds), TimeSpan.FromSeconds(options.ReconnectMaxSeconds));
        _reconnect = new ReconnectLoop(backoff, _time, TimeSpan.FromSeconds(Math.Min(60, options.ReconnectMaxSeconds)));
        CommandResults = new CommandResultPublisher(outbox, Topics, _pump.Wake);
    }

    public TopicLayout Topics { get; }

    public UplinkStats Stats => _counters.Snapshot();

    public BrokerEndpoint Broker => _connection.Endpoint;

    /// <summary>Results of commands go out through the outbox (durable, QoS 1, in order).</summary>
    public CommandResultPublisher CommandResults { get; }

    /// <summary>Call after adding to the outbox so the pump looks at once (it polls anyway).</summary>
    public void NotifyOutbox() => _pump.Wake();

    public void Start()
    {
        if (_run is not null)
            throw new InvalidOperationException("the uplink is already started");
        _run = Task.Run(() => _reconnect.RunAsync(ConnectAndRunAsync, Waiting, _stop.Token));
    }

    /// <summary>Publishes the retained offline status, disconnects cleanly and stops. Messages in
    /// flight stay in the outbox and are sent again at the next start.</summary>
    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
            await _stop.CancelAsync().ConfigureAwait(false);
        if (_run is not null)
            await _run.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private void Waiting(LinkOutcome outcome, TimeSpan delay)
    {
        if (outcome.Connected)
            UplinkLog.LinkLost(_logger, Broker.ToString(), outcome.Reason, delay.TotalSeconds);
        else
            UplinkLog.ConnectFailed(_logger, Broker.ToString(), outcome.Reason, delay.TotalSeconds);
    }

    private async Task<LinkOutcome> ConnectAndRunAsync(CancellationToken stop)
    {
        var (session, failure) = await _connection.ConnectAsync(stop).ConfigureAwait(false);
        if (session is null)
        {
            _counters.ConnectFailed(failure!);
            return new LinkOutcome(false, TimeSpan.Zero, failure!);
        }

        var began = _time.GetTimestamp();
        using (session)
        {
            var result = session.ConnectResult!;
            var window = result.ReceiveMaximum is > 0 ? Math.Min(_options.MaxInFlight, (int)result.ReceiveMaximum.Value) : _options.MaxInFlight;
            _counters.Connected();
            UplinkLog.Connected(_logger, Broker.ToString(), session.Client.Options.ClientId, _options.ProtocolVersion, result.IsSessionPresent, window);
            _recovery.AfterConnect(Broker.ToString(), result.IsSessionPresent);

            var client = session.Client;
            var pump = _pump.RunAsync((record, token) => client.PublishAsync(ToMessage(record), token), window, session.Watchdog.Heard, session.Lost);
            var heartbeat = _heartbeat.RunAsync(client, session.Lost);
            var watchdog = session.Watchdog.RunAsync(client.PingAsync, session.Lost);
            using (stop.Register(() => session.MarkLost("stopping")))
            {
                var first = await Task.WhenAny(session.LostTask, watchdog, pump, heartbeat).ConfigureAwait(false);
                if (first == watchdog && watchdog.IsCompletedSuccessfully)
                {
                    var silent = watchdog.Result;
                    UplinkLog.DeadLink(_logger, silent.TotalSeconds, _options.KeepAliveSeconds);
                    _counters.DeadLink($"dead link: broker silent for {silent.TotalSeconds:F1} s");
                    session.MarkLost($"dead link: broker silent for {silent.TotalSeconds:F1} s");
                }
                else if (first != session.LostTask)
                {
                    session.MarkLost(first.Exception?.GetBaseException().Message ?? "a link task ended");
                }
            }

            if (stop.IsCancellationRequested)
                await CloseCleanlyAsync(client).ConfigureAwait(false);
            var reason = await session.LostTask.ConfigureAwait(false);
            // Closing the client fails whatever still waits on the socket, so the tasks end.
            client.Dispose();
            await Task.WhenAll(pump, heartbeat, watchdog).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            _counters.Disconnected();
            if (!stop.IsCancellationRequested)
                _counters.Error("link lost: " + reason);
            return new LinkOutcome(true, _time.GetElapsedTime(began), reason);
        }
    }

    private async Task CloseCleanlyAsync(IMqttClient client)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
            if (client.IsConnected)
            {
                await client.PublishAsync(_connection.StatusMessageOf(new StatusMessage { State = StatusMessage.Offline }), timeout.Token).ConfigureAwait(false);
                await client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).ConfigureAwait(false);
                UplinkLog.Stopped(_logger, Broker.ToString());
            }
        }
        catch (Exception e)
        {
            UplinkLog.HeartbeatFailed(_logger, "clean disconnect failed: " + e.Message);
        }
    }

    private static MqttApplicationMessage ToMessage(OutboxRecord record) => new()
    {
        Topic = record.Topic,
        Payload = new ReadOnlySequence<byte>(record.Payload),
        QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
    };
}
