namespace Edge.Resolve.Server;

/// <summary>What the forwarder has done since it started. Written with Interlocked by the
/// forwarder's threads; read at any time (each value on its own, not a consistent set).</summary>
public sealed class ForwarderCounters
{
    internal long _udpQueries;
    internal long _tcpQueries;
    internal long _answered;
    internal long _blocked;
    internal long _dropped;
    internal long _forwarded;
    internal long _upstreamQueries;
    internal long _upstreamAnswers;
    internal long _upstreamTimeouts;
    internal long _upstreamErrors;
    internal long _mismatchedAnswers;
    internal long _servFail;
    internal long _tcpFallbacks;
    internal long _tlsConnects;
    internal long _upstreamBusy;
    internal long _prefetches;
    internal long _coalesced;
    internal long _tcpConnections;
    internal long _tcpRefused;
    internal long _tcpClosedIdle;
    internal long _tcpClosedSlow;
    internal long _tcpBadFraming;
    internal long _receiveErrors;
    internal long _tapErrors;

    public long UdpQueries => Volatile.Read(ref _udpQueries);

    public long TcpQueries => Volatile.Read(ref _tcpQueries);

    /// <summary>Answered here (cache, FORMERR, REFUSED) without an upstream.</summary>
    public long Answered => Volatile.Read(ref _answered);

    public long Blocked => Volatile.Read(ref _blocked);

    public long Dropped => Volatile.Read(ref _dropped);

    /// <summary>Client queries handed to the upstreams.</summary>
    public long Forwarded => Volatile.Read(ref _forwarded);

    /// <summary>Queries sent to upstreams (retries, failover, TCP fallback, prefetch and probes included).</summary>
    public long UpstreamQueries => Volatile.Read(ref _upstreamQueries);

    public long UpstreamAnswers => Volatile.Read(ref _upstreamAnswers);

    public long UpstreamTimeouts => Volatile.Read(ref _upstreamTimeouts);

    /// <summary>Refusals, SERVFAIL from upstream, connection and TLS failures.</summary>
    public long UpstreamErrors => Volatile.Read(ref _upstreamErrors);

    /// <summary>Messages on an upstream socket that were not the awaited answer (wrong id, source,
    /// question or QR bit): ignored, as a spoofed answer must be.</summary>
    public long MismatchedAnswers => Volatile.Read(ref _mismatchedAnswers);

    /// <summary>SERVFAIL sent to clients because no upstream answered in time.</summary>
    public long ServFail => Volatile.Read(ref _servFail);

    public long TcpFallbacks => Volatile.Read(ref _tcpFallbacks);

    public long TlsConnects => Volatile.Read(ref _tlsConnects);

    /// <summary>Client queries dropped because <see cref="ForwarderOptions.MaxPendingUpstream"/> were already waiting.</summary>
    public long UpstreamBusy => Volatile.Read(ref _upstreamBusy);

    public long Prefetches => Volatile.Read(ref _prefetches);

    /// <summary>Queries that waited for an identical query already sent upstream instead of sending their own.</summary>
    public long Coalesced => Volatile.Read(ref _coalesced);

    public long TcpConnections => Volatile.Read(ref _tcpConnections);

    public long TcpRefused => Volatile.Read(ref _tcpRefused);

    public long TcpClosedIdle => Volatile.Read(ref _tcpClosedIdle);

    public long TcpClosedSlow => Volatile.Read(ref _tcpClosedSlow);

    public long TcpBadFraming => Volatile.Read(ref _tcpBadFraming);

    public long ReceiveErrors => Volatile.Read(ref _receiveErrors);

    /// <summary>Exceptions thrown by the tap (it must not throw; they are swallowed and counted).</summary>
    public long TapErrors => Volatile.Read(ref _tapErrors);
}
