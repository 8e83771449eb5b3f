using Edge.Cli.Store;

namespace Edge.Cli.Collect;

/// <summary>What one MQTT message became: exactly one of an alert, a status, a heartbeat or a reject.</summary>
public readonly struct ParsedMessage
{
    private ParsedMessage(IncomingAlert? alert, IncomingStatus? status, IncomingHeartbeat? heartbeat, RejectedMessage? reject)
    {
        Alert = alert;
        Status = status;
        Heartbeat = heartbeat;
        Reject = reject;
    }

    public IncomingAlert? Alert { get; }

    public IncomingStatus? Status { get; }

    public IncomingHeartbeat? Heartbeat { get; }

    public RejectedMessage? Reject { get; }

    public static ParsedMessage Of(IncomingAlert alert) => new(alert, null, null, null);

    public static ParsedMessage Of(IncomingStatus status) => new(null, status, null, null);

    public static ParsedMessage Of(IncomingHeartbeat heartbeat) => new(null, null, heartbeat, null);

    public static ParsedMessage Of(RejectedMessage reject) => new(null, null, null, reject);

    public void AddTo(IncomingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (Alert is not null)
            batch.Alerts.Add(Alert);
        else if (Status is not null)
            batch.Statuses.Add(Status);
        else if (Heartbeat is not null)
            batch.Heartbeats.Add(Heartbeat);
        else if (Reject is not null)
            batch.Rejects.Add(Reject);
    }
}
