using System.Reflection;
using Edge.Detect.Alerts;
using Edge.Detect.Intel;
using Edge.Service.Configuration;
using Edge.Uplink.Commands;
using Edge.Uplink.Commands.Replay;
using Edge.Uplink.Commands.Signing;
using Edge.Uplink.Embedded;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Outbox;
using Edge.Uplink.Topics;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Uplink;

/// <summary>Everything between the alert pipeline and the broker, started together: the durable
/// outbox (alerts in by group commit), the MQTT uplink (or, with no broker configured, an embedded
/// one on 127.0.0.1 so a dev machine shows alerts flowing), signed commands and the heartbeat.</summary>
public sealed class ServiceUplink : IAsyncDisposable
{
    private readonly SqliteOutbox _outbox;
    private readonly OutboxAlertSink _sink;
    private readonly MqttUplink _uplink;

    private readonly CommandInbox _commands;

    /// <summary>How long no command may have come before a drain counts as done (commands queued for
    /// this sensor's session arrive one after another right after it connects).</summary>
    private const long CommandQuietMilliseconds = 500;

    private ServiceUplink(SqliteOutbox outbox, OutboxAlertSink sink, MqttUplink uplink, CommandInbox commands,
        AlertAcknowledgements acknowledgements, SensorActions actions, EmbeddedBroker? embedded)
    {
        _commands = commands;
        _outbox = outbox;
        _sink = sink;
        _uplink = uplink;
        Acknowledgements = acknowledgements;
        Actions = actions;
        Embedded = embedded;
        Alerts = new AlertFanOut(sink, acknowledgements);
    }

    public static string Version =>
        typeof(ServiceUplink).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>Where alerts go: the outbox (durable) and the acknowledgement list (for the LEDs).</summary>
    public IAlertSink Alerts { get; }

    public AlertAcknowledgements Acknowledgements { get; }

    /// <summary>One alert committed to the outbox before this returns (not queued behind the
    /// pipeline's), then to the acknowledgements like every alert: true once it is on disk, else
    /// false and why.</summary>
    public bool RaiseStored(Alert alert, out string? why)
    {
        var stored = _sink.Store(alert, out why);
        Acknowledgements.Raise(alert);
        return stored;
    }

    public SensorActions Actions { get; }

    /// <summary>The broker started in-process when none is configured; null otherwise.</summary>
    public EmbeddedBroker? Embedded { get; }

    public TopicLayout Topics => _uplink.Topics;

    public BrokerEndpoint Broker => _uplink.Broker;

    public UplinkStats Stats => _uplink.Stats;

    public OutboxStats Outbox => _outbox.Stats;

    public OutboxAlertSink Sink => _sink;

    public string OutboxPath => _outbox.Path;

    public static async Task<ServiceUplink> StartAsync(ServiceUplinkSetup setup, CancellationToken cancellationToken = default)
    {
        var settings = setup.Settings;
        var state = setup.State;
        var time = setup.Time;
        var logger = setup.Logging.CreateLogger("Edge.Uplink");
        var outboxOptions = settings.Outbox with { Path = settings.Outbox.Path.Length > 0 ? settings.Outbox.Path : state.Outbox };
        var outbox = new SqliteOutbox(outboxOptions, time);
        EmbeddedBroker? embedded = null;
        var uplinkOptions = settings.Uplink;
        if (!uplinkOptions.HasBroker)
        {
            embedded = await EmbeddedBroker.StartAsync(0, cancellationToken).ConfigureAwait(false);
            uplinkOptions = Copy(uplinkOptions, embedded.Url);
        }
        var topics = new TopicLayout(settings.Sensor.Agency, settings.Sensor.Id);
        var started = time.GetUtcNow();
        var catalog = new IntelCatalog(setup.IntelLists, state.ReceivedIntel, time);
        var editor = new SettingsEditor(setup.ConfigFile, new SettingsOverrides(state.Overrides), settings);
        Directory.CreateDirectory(state.Root);
        var acknowledgements = new AlertAcknowledgements(journal: state.Acknowledgements);
        var actions = new SensorActions(acknowledgements, setup.Intel, catalog, editor,
            settings.Evidence.Directory.Length > 0 ? settings.Evidence.Directory : null, logger);
        var identity = new SensorIdentity(topics.Agency, topics.Sensor, Version, settings.Sensor.Board, started)
        {
            IntelVersion = setup.IntelVersion,
            Slot = setup.Slot,
            Rollback = setup.Rollback,
        };
        MqttUplink? uplink = null;
        var processor = new CommandProcessor(CommandOptionsOf(settings, state), TrustedKeys.From(settings.Commands.TrustedKeys), actions,
            new JournaledSeenCommandStore(state.SeenCommands, time.GetUtcNow()), time);
        var inbox = new CommandInbox(processor, () => uplink!.CommandResults);
        var sink = new OutboxAlertSink(new AlertMessageMapper(topics, time), outbox, () => uplink?.NotifyOutbox());
        var heartbeat = new ServiceHeartbeatSource(time, started, setup.Pipeline, sink, () => actions.IntelVersion ?? setup.IntelVersion,
            settings.Hardware.Thermal.Zone);
        uplink = new MqttUplink(uplinkOptions, identity, outbox, logger, time, inbox, heartbeat);
        uplink.Start();
        return new ServiceUplink(outbox, sink, uplink, inbox, acknowledgements, actions, embedded);
    }

    /// <summary>Waits until every alert handed over is on disk, no command is coming in, and the outbox is
    /// empty (all PUBACKed, command results included), or the timeout passes; false then (what is
    /// left stays in the outbox for the next start).</summary>
    public async Task<bool> DrainAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        if (!_sink.Flush(timeout))
            return false;
        while (_outbox.Stats.Depth > 0 || (_uplink.Stats.Connected && _commands.QuietMilliseconds < CommandQuietMilliseconds))
        {
            if (DateTime.UtcNow > deadline)
                return false;
            _uplink.NotifyOutbox();
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        _sink.Dispose();
        await _uplink.DisposeAsync().ConfigureAwait(false);
        _outbox.Dispose();
        if (Embedded is not null)
            await Embedded.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The configured link settings pointed at the embedded broker: plain TCP on loopback,
    /// so no credentials or certificates.</summary>
    private static UplinkOptions Copy(UplinkOptions options, string broker) => options with
    {
        Broker = broker,
        Username = null,
        Password = null,
        CaFile = null,
        ClientCertificateFile = null,
        ClientKeyFile = null,
    };

    private static CommandOptions CommandOptionsOf(EdgeSettings settings, StatePaths state) => new()
    {
        Agency = settings.Sensor.Agency,
        Sensor = settings.Sensor.Id,
        ReplayWindow = TimeSpan.FromSeconds(settings.Commands.ReplayWindowSeconds),
        ClockSkew = TimeSpan.FromSeconds(settings.Commands.ClockSkewSeconds),
        WorkDirectory = state.CommandWork,
    };
}

/// <summary>What <see cref="ServiceUplink.StartAsync"/> needs from the host.</summary>
public sealed record ServiceUplinkSetup(
    EdgeSettings Settings,
    string? ConfigFile,
    StatePaths State,
    IntelHolder Intel,
    IReadOnlyList<string> IntelLists,
    string? IntelVersion,
    Func<PipelineFigures> Pipeline,
    ILoggerFactory Logging,
    TimeProvider Time)
{
    /// <summary>The A/B slot the service runs from, for the birth message.</summary>
    public string? Slot { get; init; }

    /// <summary>The last firmware rollback, for the birth message.</summary>
    public Edge.Uplink.Messages.StatusRollback? Rollback { get; init; }
}
