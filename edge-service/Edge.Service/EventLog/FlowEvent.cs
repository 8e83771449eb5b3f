namespace Edge.Service.EventLog;

public sealed class FlowEvent
{
    public required string Start { get; init; }
    public required string End { get; init; }
    public long PktsToserver { get; init; }
    public long PktsToclient { get; init; }
    public long BytesToserver { get; init; }
    public long BytesToclient { get; init; }
    public string? State { get; init; }
    /// <summary>timeout, closed, reused, evicted or shutdown.</summary>
    public required string Reason { get; init; }
    public string? AppProto { get; init; }
}
