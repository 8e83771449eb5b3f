using Edge.Hardware.Watchdog;

namespace Edge.Service.Systemd;

/// <summary>systemd's software watchdog (WatchdogSec=) behind the hardware watchdog's interface:
/// the same petting loop keeps both satisfied.</summary>
public sealed class SystemdWatchdog(SystemdNotifier notifier) : IWatchdogDevice
{
    public void Pet() => notifier.Watchdog();

    /// <summary>Nothing to do: systemd stops watching when the process exits. Until then it keeps
    /// watching, through the stop as well, so pet until the end.</summary>
    public void Disarm()
    {
    }

    /// <summary>The notifier is the caller's, shared with READY and STATUS.</summary>
    public void Dispose()
    {
    }
}
