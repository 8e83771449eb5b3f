using Edge.Detect.Alerts;
using Edge.Detect.Findings;

namespace Edge.Service.Uplink;

/// <summary>The high and critical alerts nobody has acknowledged yet: what the LEDs show as "an
/// unacknowledged alert". Fed by the pipeline (as an <see cref="IAlertSink"/>), emptied by <c>ack</c>
/// commands. Bounded: past <see cref="Capacity"/> ids the oldest is forgotten (and counted). With a
/// journal file (in the state folder) it survives restarts: one line per alert raised or acknowledged,
/// appended without fsync (a line lost to a power cut only shows an alert again), rewritten compact
/// when it grows past four times the capacity.</summary>
public sealed class AlertAcknowledgements : IAlertSink
{
    private readonly Lock _lock = new();
    private readonly string? _journal;
    private int _journalLines;
    private readonly Dictionary<string, Severity> _open = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Queue<string> _knownOrder = new();

    public AlertAcknowledgements(int capacity = 4096, string? journal = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _journal = journal;
        if (journal is not null && File.Exists(journal))
            Load(journal);
    }

    public int Capacity { get; }

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

    /// <summary>True while the alert is high or critical and not acknowledged.</summary>
    public bool IsOpen(string alertId)
    {
        lock (_lock)
            return _open.ContainsKey(alertId);
    }

    public void Raise(Alert alert)
    {
        lock (_lock)
        {
            if (alert.IsUpdate || _known.Contains(alert.Id))
                return;
            Remember(alert.Id, alert.Finding.Severity);
            Append($"r {alert.Id} {(int)alert.Finding.Severity}");
        }
    }

    private void Remember(string id, Severity severity)
    {
        if (_known.Add(id))
        {
            _knownOrder.Enqueue(id);
            if (_knownOrder.Count > Capacity)
                _known.Remove(_knownOrder.Dequeue());
        }
        if (severity < Severity.High || _open.ContainsKey(id))
            return;
        _open[id] = severity;
        _order.Enqueue(id);
        while (_order.Count > Capacity)
        {
            if (_open.Remove(_order.Dequeue()))
                Forgotten++;
        }
    }

    private void Load(string journal)
    {
        foreach (var line in File.ReadLines(journal))
        {
            var parts = line.Split(' ');
            if (parts is ["r", var id, var severity] && int.TryParse(severity, System.Globalization.CultureInfo.InvariantCulture, out var level)
                && level is >= 0 and <= (int)Severity.Critical)
                Remember(id, (Severity)level);
            else if (parts is ["a", var acked])
                _open.Remove(acked);
            // Anything else is a line cut by a crash: skipped.
            _journalLines++;
        }
    }

    private void Append(string line)
    {
        if (_journal is null)
            return;
        try
        {
            if (++_journalLines > 4 * Capacity)
                Compact();
            else
                File.AppendAllText(_journal, line + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The in-memory state still holds; the journal only helps after a restart.
        }
    }

    private void Compact()
    {
        var lines = new List<string>(_known.Count + _open.Count);
        // Open alerts whose ids later alerts pushed out of the known window stay open after a restart.
        foreach (var id in _order)
        {
            if (_open.TryGetValue(id, out var open) && !_known.Contains(id))
                lines.Add($"r {id} {(int)open}");
        }
        foreach (var id in _knownOrder)
            lines.Add(_open.TryGetValue(id, out var severity) ? $"r {id} {(int)severity}" : $"r {id} 0");
        var temporary = _journal + ".tmp";
        File.WriteAllLines(temporary, lines);
        File.Move(temporary, _journal!, overwrite: true);
        _journalLines = lines.Count;
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
                Append($"a {alertId}");
                return true;
            }
            return _known.Contains(alertId);
        }
    }
}
