using Microsoft.Extensions.Logging;

namespace Edge.Service.Systemd;

/// <summary>syslog(3) priorities, the PRIORITY field journalctl -p filters on.</summary>
public static class JournalPriority
{
    public static int From(LogLevel level) => level switch
    {
        LogLevel.Critical => 2, // crit
        LogLevel.Error => 3, // err
        LogLevel.Warning => 4, // warning
        LogLevel.Information => 6, // info
        _ => 7, // debug
    };
}
