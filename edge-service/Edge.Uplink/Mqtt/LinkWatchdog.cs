namespace Edge.Uplink.Mqtt;

/// <summary>Finds a dead link that TCP does not report (broker stopped, cable cut behind a NAT):
/// when nothing has come from the broker for one keep-alive period, it pings; no answer within half
/// a period means the link is dead. A link is declared dead at most 1.75 keep-alive periods after
/// the broker's last word (one period of silence, a tick, half a period for the ping), inside the
/// 1.5 periods the broker itself waits before it drops the sensor. Independent of the client
/// library's own keep-alive, which only pings when the sensor has sent nothing (a sensor that
/// keeps publishing into a stopped broker never pings).</summary>
public sealed class LinkWatchdog
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _keepAlive;
    private long _lastHeard;

    public LinkWatchdog(TimeProvider time, TimeSpan keepAlive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(keepAlive, TimeSpan.Zero);
        _time = time;
        _keepAlive = keepAlive;
        _lastHeard = time.GetTimestamp();
    }

    public TimeSpan Tick => TimeSpan.FromTicks(Math.Max(_keepAlive.Ticks / 4, TimeSpan.FromMilliseconds(100).Ticks));

    /// <summary>Something came from the broker (PUBACK, PINGRESP, a message).</summary>
    public void Heard() => Volatile.Write(ref _lastHeard, _time.GetTimestamp());

    public TimeSpan Silence => _time.GetElapsedTime(Volatile.Read(ref _lastHeard));

    /// <summary>Returns the silence when the link is found dead; ends with
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.</summary>
    public async Task<TimeSpan> RunAsync(Func<CancellationToken, Task> ping, CancellationToken cancellationToken)
    {
        Heard();
        while (true)
        {
            await Task.Delay(Tick, _time, cancellationToken).ConfigureAwait(false);
            if (Silence < _keepAlive)
                continue;
            using var timeout = new CancellationTokenSource(_keepAlive / 2, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await ping(linked.Token).WaitAsync(_keepAlive / 2, _time, cancellationToken).ConfigureAwait(false);
                Heard();
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                return Silence;
            }
        }
    }
}
