using Microsoft.Extensions.Logging;

namespace Edge.Uplink.Mqtt;

/// <summary>Every line the uplink logs, generated (no boxing, NativeAOT-safe).</summary>
internal static partial class UplinkLog
{
    [LoggerMessage(1, LogLevel.Information, "MQTT: connected to {Broker} as {ClientId} (MQTT {Version}, session present {SessionPresent}, in flight {Window})")]
    public static partial void Connected(ILogger logger, string broker, string clientId, string version, bool sessionPresent, int window);

    [LoggerMessage(2, LogLevel.Warning, "MQTT: cannot connect to {Broker}: {Reason}; retrying in {Delay:F1} s")]
    public static partial void ConnectFailed(ILogger logger, string broker, string reason, double delay);

    [LoggerMessage(3, LogLevel.Warning, "MQTT: link to {Broker} lost: {Reason}; reconnecting in {Delay:F1} s")]
    public static partial void LinkLost(ILogger logger, string broker, string reason, double delay);

    [LoggerMessage(4, LogLevel.Warning, "MQTT: broker silent for {Silent:F1} s (no PUBACK, no PINGRESP; keep-alive {KeepAlive} s): dropping the dead link")]
    public static partial void DeadLink(ILogger logger, double silent, int keepAlive);

    [LoggerMessage(5, LogLevel.Error, "MQTT: broker refused message {Sequence} on {Topic} (id {MessageId}): {Reason} {ReasonString}; counted as failed and removed from the outbox")]
    public static partial void PublishRefused(ILogger logger, long sequence, string topic, string? messageId, string reason, string? reasonString);

    [LoggerMessage(11, LogLevel.Error, "MQTT: broker refused message {Sequence} on {Topic} (id {MessageId}): {Reason} {ReasonString}; kept in the outbox and offered again on the next connection")]
    public static partial void PublishRefusedKept(ILogger logger, long sequence, string topic, string? messageId, string reason, string? reasonString);

    [LoggerMessage(6, LogLevel.Error, "MQTT: message {Sequence} on {Topic} cannot be sent ({Error}); counted as failed and removed from the outbox")]
    public static partial void PublishInvalid(ILogger logger, long sequence, string topic, string error);

    [LoggerMessage(7, LogLevel.Warning, "MQTT: command subscription {Filter} refused: {Reason}")]
    public static partial void SubscribeRefused(ILogger logger, string filter, string reason);

    [LoggerMessage(8, LogLevel.Warning, "MQTT: ignored a message on {Topic}: not a command topic of this sensor")]
    public static partial void NotACommand(ILogger logger, string topic);

    [LoggerMessage(9, LogLevel.Error, "MQTT: the command handler failed on {Name}")]
    public static partial void CommandHandlerFailed(ILogger logger, Exception exception, string name);

    [LoggerMessage(10, LogLevel.Warning, "MQTT: birth message on {Topic} not acknowledged: {Reason}")]
    public static partial void BirthRefused(ILogger logger, string topic, string reason);

    [LoggerMessage(11, LogLevel.Information, "MQTT: disconnected from {Broker} (status offline published)")]
    public static partial void Stopped(ILogger logger, string broker);

    [LoggerMessage(12, LogLevel.Debug, "MQTT: heartbeat not sent: {Reason}")]
    public static partial void HeartbeatFailed(ILogger logger, string reason);

    [LoggerMessage(13, LogLevel.Warning, "MQTT: {Broker} has no session for the sensor (it lost its state: restarted without persistence or killed); sending again {Count} delivered message(s) kept in the outbox")]
    public static partial void SessionLost(ILogger logger, string broker, int count);

    [LoggerMessage(14, LogLevel.Error, "MQTT: the broker lost the sensor's session, but the outbox could not make its kept messages pending again")]
    public static partial void RedeliverFailed(ILogger logger, Exception exception);
}
