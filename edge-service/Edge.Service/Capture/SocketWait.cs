namespace Edge.Service.Capture;

/// <summary>What waiting on a packet socket ended with.</summary>
internal enum SocketWait
{
    Timeout,
    Readable,

    /// <summary>An error is pending on the socket (ENETDOWN when the interface went down or away).</summary>
    Error,
}
