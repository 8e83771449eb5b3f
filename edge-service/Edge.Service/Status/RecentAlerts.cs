using Edge.Detect.Alerts;

namespace Edge.Service.Status;

/// <summary>The last alerts raised, for the status page: a small ring fed by the alert pipeline
/// (count updates refresh nothing; the page shows what was raised).</summary>
public sealed class RecentAlerts(int capacity = 20) : IAlertSink
{
    private readonly Lock _lock = new();
    private readonly Alert[] _ring = new Alert[capacity];
    private int _next;
    private int _count;

    public void Raise(Alert alert)
    {
        if (alert.IsUpdate)
            return;
        lock (_lock)
        {
            _ring[_next] = alert;
            _next = (_next + 1) % _ring.Length;
            _count = Math.Min(_count + 1, _ring.Length);
        }
    }

    /// <summary>Newest first.</summary>
    public Alert[] Snapshot()
    {
        lock (_lock)
        {
            var copy = new Alert[_count];
            for (var i = 0; i < _count; i++)
                copy[i] = _ring[(_next - 1 - i + _ring.Length) % _ring.Length];
            return copy;
        }
    }
}
