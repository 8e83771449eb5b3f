namespace Edge.Watch.Flows;

/// <summary>Connection state as seen from the middle: enough to tell a handshake, an established
/// session, a close and a reset apart, and to recycle a 5-tuple the way tshark counts streams.</summary>
public enum TcpState : byte
{
    None,
    SynSent,
    SynReceived,
    Established,
    /// <summary>Picked up without its handshake (capture started late).</summary>
    Midstream,
    Closing,
    Closed,
    Reset,
}
