using Edge.Watch.Net;

namespace Edge.Resolve;

/// <summary>The forwarder's decisions, without I/O: the network side (listeners, upstream pool)
/// calls it with bytes and sends what it writes. Every method is safe to call from several
/// threads, allocates nothing on the answered paths and never throws on any input.</summary>
public interface IQueryResolver
{
    /// <summary>Decides from the query alone. For <see cref="QueryVerdict.Answered"/> and
    /// <see cref="QueryVerdict.Blocked"/>, <c>response[..length]</c> goes to the client (already
    /// sized for its transport and limit). <paramref name="response"/> holds at least 65,535 bytes.</summary>
    QueryVerdict Decide(ReadOnlySpan<byte> query, IpAddr client, DnsTransport transport, Span<byte> response, out int length);

    /// <summary>An upstream's answer to <paramref name="query"/> (the client's bytes, its id), already
    /// matched to its question by the caller: cached when cacheable; returns the length of the
    /// client's copy written to <paramref name="response"/> (the client's id; truncated with TC
    /// when it does not fit the client's UDP limit), or 0 when it cannot be used (send SERVFAIL).</summary>
    int Complete(ReadOnlySpan<byte> query, ReadOnlySpan<byte> upstreamAnswer, DnsTransport transport, Span<byte> response);

    /// <summary>Every upstream failed or timed out: writes SERVFAIL for the query; 0 when the query cannot be answered.</summary>
    int Fail(ReadOnlySpan<byte> query, Span<byte> response);

    /// <summary>A query (client-less, its own id) the cache wants refreshed before a hot name
    /// expires; false when none is due. Its upstream answer goes to <see cref="Complete"/>.</summary>
    bool TryTakePrefetch(Span<byte> query, out int length);
}
