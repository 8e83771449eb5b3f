namespace Edge.Watch.Flows;

public enum FlowEndReason : byte
{
    /// <summary>Idle past its timeout.</summary>
    Timeout,
    /// <summary>Closed by FIN or RST, then idle for the short linger time.</summary>
    Closed,
    /// <summary>Its 5-tuple began a new connection (SYN after a close).</summary>
    Reused,
    /// <summary>Pushed out because the table was full.</summary>
    Evicted,
    /// <summary>Still open when the capture ended or the sensor stopped.</summary>
    Shutdown,
}
