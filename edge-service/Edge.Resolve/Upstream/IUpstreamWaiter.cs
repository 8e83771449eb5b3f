namespace Edge.Resolve.Upstream;

/// <summary>Whoever waits for a forwarded query: a UDP listener, a TCP connection, the prefetch
/// loop or a health probe. Exactly one of the two is called for each submitted query, on an
/// upstream thread; the query goes back to the pool when it returns.</summary>
internal interface IUpstreamWaiter
{
    /// <summary>A matched answer (right source, id and question); <paramref name="answer"/> carries the upstream's id.</summary>
    void OnAnswer(PendingQuery query, ReadOnlySpan<byte> answer);

    /// <summary>No upstream answered usably before the deadline.</summary>
    void OnFailed(PendingQuery query);
}
