namespace Edge.Uplink.Mqtt;

/// <summary>Connects, runs the link until it is lost, waits a backoff delay and starts again,
/// until stopped. The backoff grows with each failed attempt and starts over once a connection
/// has held for <see cref="ResetAfter"/> (a broker that accepts and at once drops the sensor does
/// not get a reconnect storm).</summary>
public sealed class ReconnectLoop(ReconnectBackoff backoff, TimeProvider time, TimeSpan resetAfter)
{
    public TimeSpan ResetAfter { get; } = resetAfter;

    /// <param name="connectAndRun">One connection: connect, run until lost.</param>
    /// <param name="waiting">Told each outcome and the delay before the next attempt.</param>
    public async Task RunAsync(Func<CancellationToken, Task<LinkOutcome>> connectAndRun, Action<LinkOutcome, TimeSpan> waiting,
        CancellationToken cancellationToken)
    {
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var outcome = await connectAndRun(cancellationToken).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
                return;
            if (outcome.Connected && outcome.Lasted >= ResetAfter)
                attempt = 0;
            var delay = backoff.Delay(attempt);
            attempt = Math.Min(attempt + 1, 62);
            var wait = Task.Delay(delay, time, cancellationToken);
            waiting(outcome, delay);
            try
            {
                await wait.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
