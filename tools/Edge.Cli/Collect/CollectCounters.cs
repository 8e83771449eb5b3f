using Edge.Cli.Store;

namespace Edge.Cli.Collect;

/// <summary>What the collector has done since it started, safe to read from another thread.</summary>
public sealed class CollectCounters
{
    private long _received;
    private long _newAlerts;
    private long _repeatedAlerts;
    private long _statuses;
    private long _heartbeats;
    private long _rejects;
    private long _batches;
    private long _storeFailures;
    private long _unacknowledged;
    private long _connects;

    public void Received() => Interlocked.Increment(ref _received);

    public void Committed(StoreResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Interlocked.Add(ref _newAlerts, result.NewAlerts);
        Interlocked.Add(ref _repeatedAlerts, result.RepeatedAlerts);
        Interlocked.Add(ref _statuses, result.Statuses);
        Interlocked.Add(ref _heartbeats, result.Heartbeats);
        Interlocked.Add(ref _rejects, result.Rejects);
        Interlocked.Increment(ref _batches);
    }

    public void StoreFailed() => Interlocked.Increment(ref _storeFailures);

    /// <summary>A committed message whose acknowledgement could not go out (its connection was gone).</summary>
    public void NotAcknowledged() => Interlocked.Increment(ref _unacknowledged);

    public void Connected() => Interlocked.Increment(ref _connects);

    public CollectSnapshot Snapshot() => new(
        Interlocked.Read(ref _received), Interlocked.Read(ref _newAlerts), Interlocked.Read(ref _repeatedAlerts),
        Interlocked.Read(ref _statuses), Interlocked.Read(ref _heartbeats), Interlocked.Read(ref _rejects),
        Interlocked.Read(ref _batches), Interlocked.Read(ref _storeFailures), Interlocked.Read(ref _unacknowledged),
        Interlocked.Read(ref _connects));
}

/// <param name="NewAlerts">Alert ids stored for the first time.</param>
/// <param name="RepeatedAlerts">Deliveries of ids already stored (count updates, re-deliveries).</param>
public sealed record CollectSnapshot(long Received, long NewAlerts, long RepeatedAlerts, long Statuses, long Heartbeats,
    long Rejects, long Batches, long StoreFailures, long Unacknowledged, long Connects)
{
    public long Alerts => NewAlerts + RepeatedAlerts;
}
