namespace Edge.Watch.Flows;

/// <summary>Flows with the same idle timeout share one LRU list, so expiry only ever looks at list tails.
/// The order is also the eviction order when the table is full: half-open TCP goes first.</summary>
internal enum TimeoutClass : byte
{
    TcpOpening,
    TcpClosed,
    Other,
    Udp,
    TcpEstablished,
}
