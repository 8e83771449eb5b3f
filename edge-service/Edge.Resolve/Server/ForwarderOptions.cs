using System.Net;
using Edge.Resolve.Upstream;

namespace Edge.Resolve.Server;

/// <summary>Where the forwarder listens, whom it asks, and the bounds that keep it responsive.</summary>
public sealed record ForwarderOptions
{
    /// <summary>UDP and TCP on each; port 0 picks one free port for both.</summary>
    public IReadOnlyList<IPEndPoint> Listen { get; init; } = [new IPEndPoint(IPAddress.Any, 53)];

    /// <summary>Asked in this order; an upstream that keeps failing is skipped until a health check passes.</summary>
    public IReadOnlyList<UpstreamServer> Upstreams { get; init; } = [];

    /// <summary>How long one try at one upstream may take before the next upstream is asked.</summary>
    public TimeSpan UpstreamTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>After this long without an answer from any upstream the client gets SERVFAIL.</summary>
    public TimeSpan AnswerDeadline { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Queries waiting for upstreams at once; beyond it new ones are dropped (UDP) or SERVFAILed (TCP).</summary>
    public int MaxPendingUpstream { get; init; } = 4096;

    /// <summary>Consecutive timeouts or refusals after which an upstream is marked down.</summary>
    public int FailuresBeforeDown { get; init; } = 3;

    /// <summary>First wait before a down upstream is probed; doubled after each failed probe up to <see cref="MaxHealthCheckInterval"/>.</summary>
    public TimeSpan HealthCheckInterval { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxHealthCheckInterval { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The probe's question (". NS" by default), presentation form.</summary>
    public string HealthCheckName { get; init; } = ".";

    /// <summary>UDP sockets (each on its own OS-chosen random port) the upstream queries spread over.</summary>
    public int UpstreamSockets { get; init; } = 32;

    /// <summary>A socket is replaced by a fresh one (a new random port) after this many queries …</summary>
    public int UpstreamSocketQueries { get; init; } = 100;

    /// <summary>… or after this long, whichever comes first.</summary>
    public TimeSpan UpstreamSocketLifetime { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxTcpConnections { get; init; } = 128;

    /// <summary>A TCP client with nothing outstanding is closed after this long (RFC 7766 §6.2.3).</summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A started TCP message must be complete within this long (slow senders are closed).</summary>
    public TimeSpan TcpMessageTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Pipelined queries one TCP client may have outstanding; reading pauses beyond it.</summary>
    public int MaxTcpPipelined { get; init; } = 64;

    /// <summary>How often the cache is asked for names to refresh; zero turns prefetch off.</summary>
    public TimeSpan PrefetchInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often deadlines and health checks are looked at.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Kernel receive buffer per listening UDP socket, for bursts.</summary>
    public int UdpReceiveBufferBytes { get; init; } = 4 << 20;

    /// <summary>The first problem with these options, or null when they can be used.</summary>
    public string? Validate()
    {
        if (Listen.Count == 0)
            return "no listen address";
        if (Upstreams.Count > 32)
            return "at most 32 upstreams";
        if (UpstreamTimeout <= TimeSpan.Zero || AnswerDeadline < UpstreamTimeout)
            return "the upstream timeout must be positive and not longer than the answer deadline";
        if (MaxPendingUpstream < 1 || UpstreamSockets < 1 || UpstreamSocketQueries < 1 || MaxTcpConnections < 1 || MaxTcpPipelined < 1)
            return "counts and limits must be at least 1";
        foreach (var upstream in Upstreams)
        {
            if (upstream.TlsCaFile is { } caFile && !File.Exists(caFile))
                return $"upstream {upstream}: CA file '{caFile}' does not exist";
        }
        if (TcpIdleTimeout <= TimeSpan.Zero || TcpMessageTimeout <= TimeSpan.Zero || SweepInterval <= TimeSpan.Zero)
            return "timeouts must be positive";
        return null;
    }
}
