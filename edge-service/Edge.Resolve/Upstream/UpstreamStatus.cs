using System.Net;

namespace Edge.Resolve.Upstream;

/// <summary>A snapshot of one upstream's health, for the status page.</summary>
public sealed record UpstreamStatus(
    IPEndPoint Endpoint,
    UpstreamProtocol Protocol,
    bool Healthy,
    TimeSpan LastRoundTrip,
    long Answers,
    long Failures,
    int ConsecutiveFailures);
