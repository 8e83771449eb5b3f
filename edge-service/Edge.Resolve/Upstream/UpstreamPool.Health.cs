using Edge.Resolve.Server;

namespace Edge.Resolve.Upstream;

internal sealed partial class UpstreamPool
{
    private readonly byte[] _probeQuery;
    private readonly HealthProbe _probeWaiter;

    private void RecordFailureLocked(UpstreamState upstream, long now)
    {
        upstream.Failures++;
        upstream.ConsecutiveFailures++;
        if (!upstream.Healthy || upstream.ConsecutiveFailures < _options.FailuresBeforeDown)
            return;
        upstream.Healthy = false;
        upstream.ProbeBackoffTicks = Ticks(_options.HealthCheckInterval);
        upstream.NextProbe = now + upstream.ProbeBackoffTicks;
        ForwarderLog.UpstreamDown(_log, upstream.Name, upstream.ConsecutiveFailures, _options.HealthCheckInterval.TotalSeconds);
    }

    private void RecordAliveLocked(UpstreamState upstream, long roundTripTicks)
    {
        upstream.LastRoundTripTicks = roundTripTicks;
        upstream.ConsecutiveFailures = 0;
        if (upstream.Healthy)
            return;
        upstream.Healthy = true;
        ForwarderLog.UpstreamUp(_log, upstream.Name);
    }

    // A down upstream is asked the probe question when its backoff has passed; any answer but
    // REFUSED brings it back (RecordAliveLocked), a failure doubles the wait.
    private void StartProbesLocked(long now)
    {
        foreach (var upstream in _upstreams)
        {
            if (upstream.Healthy || upstream.Probing || now < upstream.NextProbe || _rented >= _active.Length)
                continue;
            var probe = _spare.Count > 0 ? _spare.Pop() : new PendingQuery();
            _rented++;
            probe.SetQuery(_probeQuery);
            probe.Waiter = _probeWaiter;
            probe.OnlyUpstream = upstream.Index;
            probe.Slot = _freeSlots.Pop();
            _active[probe.Slot] = probe;
            probe.Deadline = now + _timeoutTicks;
            upstream.Probing = true;
            _sweepOutcomes.Add((probe, StartNextAttemptLocked(probe, now)));
        }
    }

    internal void ProbeFinished(int index)
    {
        lock (_gate)
        {
            var upstream = _upstreams[index];
            upstream.Probing = false;
            if (upstream.Healthy)
                return;
            upstream.ProbeBackoffTicks = Math.Min(upstream.ProbeBackoffTicks * 2, Ticks(_options.MaxHealthCheckInterval));
            upstream.NextProbe = _time.GetTimestamp() + upstream.ProbeBackoffTicks;
        }
    }
}
