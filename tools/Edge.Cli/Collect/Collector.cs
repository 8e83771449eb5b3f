using Edge.Cli.Store;

namespace Edge.Cli.Collect;

/// <summary>The whole collector: the MQTT side feeding the batch writer, the progress line, and the
/// retention sweep (at start, then every <see cref="CollectSettings.RetentionInterval"/>). On stop it
/// takes no more messages, commits and acknowledges what it holds, then disconnects cleanly.</summary>
public sealed class Collector(CollectSettings settings, IncidentStore store, CollectLog log, TimeProvider time)
{
    /// <summary>What a stop may take to commit the last batch before it gives up on it (the messages
    /// then stay with the broker); edgectl's signal handling allows 2 s in all.</summary>
    public static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(1.2);

    public CollectCounters Counters { get; } = new();

    /// <returns>0 when everything received was committed and acknowledged, 1 when some was left with the broker.</returns>
    public async Task<int> RunAsync(CancellationToken stop)
    {
        using var batchStore = new StoreBatchStore(store);
        var ingest = new BatchIngest(batchStore, settings.BatchSize, settings.FlushAfter, settings.ReceiveMaximum + 1024, time, Counters, log);
        await using var client = new CollectorClient(settings, ingest.Writer, Counters, log, time);
        using var abandon = new CancellationTokenSource();
        using var background = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var started = time.GetTimestamp();
        log.Line($"collect: {settings.Broker} as {settings.ClientId}, {(settings.Shared ? $"group {settings.Group}" : "no shared subscription")}, store {store.Description}, " +
            $"batches of {settings.BatchSize} or {settings.FlushAfter.TotalMilliseconds:N0} ms, " +
            (settings.RetentionDays is { } days ? $"alerts kept {days} days once reported" : "alerts kept forever"));
        var ingestTask = Task.Run(() => ingest.RunAsync(abandon.Token), CancellationToken.None);
        var clientTask = Task.Run(() => client.RunAsync(background.Token), CancellationToken.None);
        var progressTask = ReportProgressAsync(client, background.Token);
        var retentionTask = settings.RetentionDays is { } retention
            ? SweepAsync(new RetentionSweeper(store, retention, time), background.Token)
            : Task.CompletedTask;

        if (await Task.WhenAny(clientTask, ingestTask).ConfigureAwait(false) == ingestTask && !stop.IsCancellationRequested)
            log.Line($"collect: the store writer stopped unexpectedly{(ingestTask.Exception is { } e ? ": " + e.GetBaseException().Message : "")}");
        await background.CancelAsync().ConfigureAwait(false);
        client.StopIntake();
        abandon.CancelAfter(DrainLimit);
        var drained = false;
        try
        {
            drained = await ingestTask.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Reported, and the exit code says something was left with the broker.
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.Line($"collect: the store writer failed: {e.GetType().Name}: {e.Message}");
        }
        await client.DisconnectAsync(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
        await Task.WhenAll(clientTask, progressTask).ConfigureAwait(false);
        // A sweep in progress finishes its chunk or is cut off with the process; each chunk is its own transaction.
        _ = retentionTask;
        var total = Counters.Snapshot();
        log.Line(ProgressLine.Format(total, new CollectSnapshot(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), time.GetElapsedTime(started), false)
            + $"; stopped{(drained ? ", everything received committed and acknowledged" : ", some messages left unacknowledged with the broker")}");
        return drained ? 0 : 1;
    }

    private async Task ReportProgressAsync(CollectorClient client, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(settings.ProgressInterval, time);
        var before = Counters.Snapshot();
        var at = time.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                var now = Counters.Snapshot();
                log.Line(ProgressLine.Format(now, before, time.GetElapsedTime(at), client.IsConnected));
                before = now;
                at = time.GetTimestamp();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SweepAsync(RetentionSweeper sweeper, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var deleted = await Task.Run(sweeper.Sweep, stop).ConfigureAwait(false);
                log.Line($"retention: {deleted:N0} alert(s) deleted (last seen before " +
                    $"{DateTimeOffset.FromUnixTimeMilliseconds(sweeper.CutoffMs):yyyy-MM-dd'T'HH:mm'Z'} and covered by a report)");
            }
            catch (OperationCanceledException)
            {
                return;
            }
#pragma warning disable CA1031 // A failed sweep deletes nothing; the next one tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                log.Line($"retention: failed ({e.GetType().Name}: {e.Message}); trying again in {settings.RetentionInterval.TotalMinutes:N0} min");
            }
            try
            {
                await Task.Delay(settings.RetentionInterval, time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
