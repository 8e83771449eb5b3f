using Microsoft.Extensions.Logging;

namespace Edge.Service.Uplink;

/// <summary>The log lines of command side effects (source-generated, nothing formatted when off).</summary>
internal static partial class CommandLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "LED test requested by command")]
    public static partial void LedTest(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "intel update {List} refused: {Reason}")]
    public static partial void IntelRefused(ILogger logger, string list, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "intel update {List} swapped in: {Domains} domains, {Cidrs} networks, version {Version}")]
    public static partial void IntelSwapped(ILogger logger, string list, long domains, long cidrs, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "intel reload ({Why}) refused, the lists in use stay: {Reason}")]
    public static partial void IntelReloadRefused(ILogger logger, string why, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "intel reloaded ({Why}): {Domains} domains, {Cidrs} networks, version {Version}")]
    public static partial void IntelReloaded(ILogger logger, string why, long domains, long cidrs, string version);
}
