namespace Edge.Service.EventLog;

public sealed class HttpEvent
{
    public required string Method { get; init; }
    public string? Host { get; init; }
    public required string Uri { get; init; }
    public string? UserAgent { get; init; }
    public string? Version { get; init; }
}
