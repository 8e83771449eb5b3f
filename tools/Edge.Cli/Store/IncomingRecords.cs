using Edge.Uplink.Messages;

namespace Edge.Cli.Store;

/// <summary>An alert as received: the parsed message, its exact payload, and its times in Unix ms.</summary>
public sealed record IncomingAlert(AlertMessage Message, string Payload, long FirstSeenMs, long LastSeenMs, long ReceivedAtMs);

/// <summary>A retained status (birth or Last Will) of one sensor.</summary>
public sealed record IncomingStatus(string Agency, string Sensor, StatusMessage Message, long AtMs);

/// <summary>A heartbeat of one sensor; <see cref="AtMs"/> is the heartbeat's own time.</summary>
public sealed record IncomingHeartbeat(string Agency, string Sensor, HeartbeatMessage Message, long AtMs);

/// <summary>A message on the collector's topics that is not one of the above: kept aside, never dropped silently.</summary>
public sealed record RejectedMessage(string Topic, string Reason, byte[] Payload, long ReceivedAtMs);

/// <summary>What one commit stores.</summary>
public sealed class IncomingBatch
{
    public List<IncomingAlert> Alerts { get; } = [];

    public List<IncomingStatus> Statuses { get; } = [];

    public List<IncomingHeartbeat> Heartbeats { get; } = [];

    public List<RejectedMessage> Rejects { get; } = [];

    public int Count => Alerts.Count + Statuses.Count + Heartbeats.Count + Rejects.Count;

    public void Clear()
    {
        Alerts.Clear();
        Statuses.Clear();
        Heartbeats.Clear();
        Rejects.Clear();
    }
}

/// <param name="NewAlerts">Alert ids seen for the first time.</param>
/// <param name="RepeatedAlerts">Deliveries of ids already stored (retries, re-deliveries, count updates): never counted twice.</param>
public sealed record StoreResult(int NewAlerts, int RepeatedAlerts, int Statuses, int Heartbeats, int Rejects);
