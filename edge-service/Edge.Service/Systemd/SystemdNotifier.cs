using System.Diagnostics;
using System.Text;

namespace Edge.Service.Systemd;

/// <summary>sd_notify(3) without libsystemd: tells systemd (Type=notify) that the service is ready,
/// stopping or alive, through the datagram socket named by <c>NOTIFY_SOCKET</c>. Outside systemd it
/// does nothing. Sending never throws; <see cref="SendFailures"/> counts what was lost.</summary>
public sealed class SystemdNotifier : IDisposable
{
    private readonly UnixDatagramSender? _sender;

    /// <param name="environment">Looks up an environment variable; tests pass their own values.</param>
    /// <param name="processId">Ours, to tell whether <c>WATCHDOG_PID</c> means us.</param>
    public SystemdNotifier(Func<string, string?> environment, int processId)
    {
        var endPoint = UnixDatagramSender.ParseAddress(environment("NOTIFY_SOCKET"));
        if (endPoint is not null)
            _sender = new UnixDatagramSender(endPoint);
        WatchdogInterval = ReadWatchdogInterval(environment, processId);
    }

    public bool Enabled => _sender is not null;

    /// <summary>How often systemd expects <see cref="Watchdog"/> (WatchdogSec=), or null when it does
    /// not watch this process. Pet at half of it, as sd_watchdog_enabled(3) advises.</summary>
    public TimeSpan? WatchdogInterval { get; }

    public long SendFailures => _sender?.Failures ?? 0;

    public static SystemdNotifier FromEnvironment() => new(Environment.GetEnvironmentVariable, Environment.ProcessId);

    /// <summary>Sends one or more newline-separated <c>NAME=value</c> assignments.</summary>
    public void Notify(string state)
    {
        if (_sender is null)
            return;
        Span<byte> small = stackalloc byte[256];
        var length = Encoding.UTF8.GetByteCount(state);
        var bytes = length <= small.Length ? small[..length] : new byte[length];
        Encoding.UTF8.GetBytes(state, bytes);
        _sender.TrySend(bytes);
    }

    public void Ready() => Notify("READY=1");

    public void Stopping() => Notify("STOPPING=1");

    /// <summary>For Type=notify-reload; systemd 253 and later require the time on its own monotonic clock.</summary>
    public void Reloading() => Notify($"RELOADING=1\nMONOTONIC_USEC={MonotonicMicroseconds()}");

    /// <summary>The one line <c>systemctl status</c> shows.</summary>
    public void Status(string text) => Notify("STATUS=" + text.ReplaceLineEndings(" "));

    public void Watchdog() => Notify("WATCHDOG=1");

    public void Dispose() => _sender?.Dispose();

    private static TimeSpan? ReadWatchdogInterval(Func<string, string?> environment, int processId)
    {
        if (!ulong.TryParse(environment("WATCHDOG_USEC"), out var micros) || micros == 0 || micros > long.MaxValue / 10)
            return null;
        var pid = environment("WATCHDOG_PID");
        if (!string.IsNullOrEmpty(pid) && (!int.TryParse(pid, out var watched) || watched != processId))
            return null;
        return TimeSpan.FromMicroseconds((long)micros);
    }

    // CLOCK_MONOTONIC, which is what Stopwatch reads on Linux; deliberately not an injectable clock,
    // because systemd compares the value with its own.
    private static long MonotonicMicroseconds() => (long)Stopwatch.GetElapsedTime(0).TotalMicroseconds;
}
