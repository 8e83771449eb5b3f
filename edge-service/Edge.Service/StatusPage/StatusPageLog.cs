using Microsoft.Extensions.Logging;

namespace Edge.Service.StatusPage;

/// <summary>The status page's log lines (source-generated). The password itself is never logged.</summary>
internal static partial class StatusPageLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "status page on {Addresses}")]
    public static partial void Listening(ILogger logger, IReadOnlyList<Uri> addresses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "status page password created: user admin, password in {Path} (readable by the service account only)")]
    public static partial void PasswordCreated(ILogger logger, string path);
}
