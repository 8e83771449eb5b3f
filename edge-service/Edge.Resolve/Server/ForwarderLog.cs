using Microsoft.Extensions.Logging;

namespace Edge.Resolve.Server;

/// <summary>Every line the forwarder logs, generated (no boxing, NativeAOT-safe).</summary>
internal static partial class ForwarderLog
{
    [LoggerMessage(1, LogLevel.Information, "DNS: listening on {Endpoints} (UDP and TCP), upstreams {Upstreams}")]
    public static partial void Listening(ILogger logger, string endpoints, string upstreams);

    [LoggerMessage(2, LogLevel.Warning, "DNS: upstream {Upstream} marked down after {Failures} consecutive failures; probing it every {Interval:F1} s or more")]
    public static partial void UpstreamDown(ILogger logger, string upstream, int failures, double interval);

    [LoggerMessage(3, LogLevel.Information, "DNS: upstream {Upstream} answers again; back in rotation")]
    public static partial void UpstreamUp(ILogger logger, string upstream);

    [LoggerMessage(4, LogLevel.Warning, "DNS: TLS connection to {Upstream} failed: {Reason}")]
    public static partial void TlsFailed(ILogger logger, string upstream, string reason);

    [LoggerMessage(5, LogLevel.Error, "DNS: unexpected error in {Where}; carrying on")]
    public static partial void Unexpected(ILogger logger, string where, Exception exception);
}
