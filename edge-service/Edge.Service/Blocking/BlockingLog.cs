using Microsoft.Extensions.Logging;

namespace Edge.Service.Blocking;

internal static partial class BlockingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "gateway blocking: table inet {Table} holds {V4} IPv4 and {V6} IPv6 network(s) ({Millis} ms)")]
    public static partial void Updated(ILogger logger, string table, int v4, int v6, long millis);

    [LoggerMessage(Level = LogLevel.Error, Message = "gateway blocking: nft failed, the previous sets stay in force (or nothing is blocked yet): {Error}")]
    public static partial void NftFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "gateway blocking: cannot read the NFLOG group {Group}, drops are counted but raise no alerts: {Error}")]
    public static partial void NflogUnavailable(ILogger logger, int group, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "gateway blocking: table inet {Table} removed")]
    public static partial void Removed(ILogger logger, string table);
}
