using Edge.Detect.Alerts;
using Edge.Detect.Findings;

namespace Edge.Service.Uplink;

/// <summary>The high and critical alerts nobody has acknowledged yet: what the LEDs show as "an
/// unacknowledged alert". Fed by the pipeline (as an <see cref="IAlertSink"/>), emptied by <c>ack</c>
/// commands. Bounded: past <see cref="Capacity"/> ids the oldest is forgotten (and counted).</summary>
public sealed class AlertAcknowledgements(int capacity = 4096) : IAlertSink
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Severity> _open = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Queue<string> _knownOrder = new();

    public int Capacity { get; } = capacity;

    public long Forgotten { get; private set; }

    public long Acknowledged { get; private set; }

    public int OpenCount
    {
        get
        {
            lock (_lock)
                return _open.Count;
        }
    }

    /// <summary>The most severe unacknowledged alert, or null when none is open.</summary>
    public Severity? Highest
    {
        get
        {
            lock (_lock)
            {
                Severity? highest = null;
                foreach (var severity in _open.Values)
                {
                    if (highest is null || severity > highest)
                        highest = severity;
                }
                return highest;
            }
        }
    }

    public void Raise(Alert alert)
    {
        lock (_lock)
        {
            if (_known.Add(alert.Id))
            {
                _knownOrder.Enqueue(alert.Id);
                if (_knownOrder.Count > Capacity)
                    _known.Remove(_knownOrder.Dequeue());
            }
            if (alert.IsUpdate || alert.Finding.Severity < Severity.High || _open.ContainsKey(alert.Id))
                return;
            _open[alert.Id] = alert.Finding.Severity;
            _order.Enqueue(alert.Id);
            while (_order.Count > Capacity)
            {
                if (_open.Remove(_order.Dequeue()))
                    Forgotten++;
            }
        }
    }

    /// <summary>True when the alert is one this sensor raised (open or not); it is no longer open after.</summary>
    public bool Acknowledge(string alertId)
    {
        lock (_lock)
        {
            // An open alert is known even when later (low) alerts pushed its id out of _known.
            if (_open.Remove(alertId))
            {
                Acknowledged++;
                return true;
            }
            return _known.Contains(alertId);
        }
    }
}
