using Microsoft.Extensions.Logging;

namespace Edge.Service.StatusPage.Http;

/// <summary>The page server's own log lines (source-generated); requests themselves are not logged.</summary>
internal static partial class HttpServerLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "status page: accepting a connection failed ({Error})")]
    public static partial void AcceptFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "status page: {Method} {Path} failed")]
    public static partial void HandlerFailed(ILogger logger, string method, string path, Exception exception);
}
