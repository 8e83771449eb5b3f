using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Systemd;

/// <summary>Logs straight to journald in its native protocol, so each entry keeps its priority, its
/// category and every structured-logging value as a field (<c>journalctl -o verbose</c> shows them;
/// <c>journalctl EDGE_INTERFACE=eth1</c> selects by them). Thread-safe; a line journald does not take
/// goes to <paramref name="fallback"/> (stderr, which systemd also journals) and is counted.</summary>
public sealed class JournaldLoggerProvider(string socketPath = JournaldLoggerProvider.DefaultSocket, TextWriter? fallback = null) : ILoggerProvider
{
    public const string DefaultSocket = "/run/systemd/journal/socket";
    public const string Identifier = "edge-service";

    /// <summary>Well below the default socket send buffer (net.core.wmem_default, 208 KiB).</summary>
    public const int MaxEntryBytes = 48 * 1024;

    private readonly UnixDatagramSender _sender = new(new System.Net.Sockets.UnixDomainSocketEndPoint(socketPath));
    private readonly JournalEntry _entry = new(MaxEntryBytes);
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, JournaldLogger> _loggers = new(StringComparer.Ordinal);
    private readonly TextWriter _fallback = fallback ?? Console.Error;

    /// <summary>Entries journald did not take (each also written to the fallback).</summary>
    public long Failures => _sender.Failures;

    /// <summary>Entries cut to <see cref="MaxEntryBytes"/>.</summary>
    public long Truncations { get; private set; }

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new JournaldLogger(name, this));

    public void Dispose() => _sender.Dispose();

    internal void Write(LogLevel level, string category, EventId eventId, string message, Exception? exception, IReadOnlyList<KeyValuePair<string, object?>>? state)
    {
        var priority = JournalPriority.From(level);
        lock (_lock)
        {
            _entry.Clear();
            _entry.Add("PRIORITY", priority.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _entry.Add("SYSLOG_IDENTIFIER", Identifier);
            _entry.Add("EDGE_CATEGORY", category);
            if (eventId.Id != 0)
                _entry.Add("EDGE_EVENT_ID", eventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(eventId.Name))
                _entry.Add("EDGE_EVENT_NAME", eventId.Name);
            _entry.Add("MESSAGE", message);
            if (exception is not null)
                _entry.Add("EXCEPTION", exception.ToString());
            if (state is not null)
                AddState(state);
            if (_entry.Truncated)
                Truncations++;
            if (_sender.TrySend(_entry.Bytes))
                return;
        }
        WriteFallback(priority, category, message, exception);
    }

    private void AddState(IReadOnlyList<KeyValuePair<string, object?>> state)
    {
        for (var i = 0; i < state.Count; i++)
        {
            var (key, value) = state[i];
            if (key == "{OriginalFormat}")
                continue;
            _entry.Add(JournalFieldName.FromKey(key), JournalValue.Format(value));
        }
    }

    /// <summary>One line with the syslog priority prefix that systemd reads on a journalled stderr.</summary>
    private void WriteFallback(int priority, string category, string message, Exception? exception)
    {
        var line = $"<{priority}>{category}: {message}".ReplaceLineEndings(" ");
        if (exception is not null)
            line += " | " + exception.ToString().ReplaceLineEndings(" | ");
        try
        {
            lock (_fallback)
                _fallback.WriteLine(line);
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
