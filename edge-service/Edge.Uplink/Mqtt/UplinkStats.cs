namespace Edge.Uplink.Mqtt;

/// <summary>A snapshot of the uplink counters since the service started.</summary>
/// <param name="Sent">Messages the broker acknowledged (then deleted from the outbox).</param>
/// <param name="Failed">Messages the broker refused in its PUBACK (NotAuthorized, …) or that could
/// never be sent (an invalid topic); deleted from the outbox and counted here.</param>
/// <param name="Connects">Successful connections, the first included.</param>
/// <param name="Reconnects">Successful connections after the first.</param>
/// <param name="ConnectFailures">Connection attempts that failed.</param>
/// <param name="DeadLinks">Links dropped because the broker stopped answering.</param>
/// <param name="SessionsLost">Connects where the broker had lost the sensor's session.</param>
/// <param name="Redelivered">Delivered messages sent again after such a connect.</param>
public readonly record struct UplinkStats(
    bool Connected,
    long Sent,
    long Failed,
    long Connects,
    long Reconnects,
    long ConnectFailures,
    long DeadLinks,
    long CommandsReceived,
    long HeartbeatsSent,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    long SessionsLost = 0,
    long Redelivered = 0);
