using Edge.Watch.Net;

namespace Edge.Resolve.Server;

/// <summary>One finished query. The spans are valid only during <see cref="IDnsTap.OnExchange"/>.
/// <see cref="Verdict"/> is the resolver's decision; <see cref="QueryVerdict.NeedsUpstream"/> means
/// the response came from an upstream (or is the SERVFAIL sent when none answered).</summary>
public readonly ref struct DnsExchange
{
    public long TimestampMicros { get; init; }

    public IpAddr Client { get; init; }

    public ushort ClientPort { get; init; }

    public IpAddr Server { get; init; }

    public ushort ServerPort { get; init; }

    public DnsTransport Transport { get; init; }

    public ReadOnlySpan<byte> Query { get; init; }

    /// <summary>Empty when nothing was sent.</summary>
    public ReadOnlySpan<byte> Response { get; init; }

    public QueryVerdict Verdict { get; init; }
}
