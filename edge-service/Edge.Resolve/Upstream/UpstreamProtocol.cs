namespace Edge.Resolve.Upstream;

/// <summary>How the forwarder talks to one upstream resolver.</summary>
public enum UpstreamProtocol
{
    /// <summary>UDP from random source ports; a truncated answer (TC) is asked again over TCP.</summary>
    Udp,

    /// <summary>DNS over TLS (RFC 7858) on one persistent, pipelined connection.</summary>
    Tls,
}
