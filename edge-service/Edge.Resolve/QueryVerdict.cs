namespace Edge.Resolve;

/// <summary>What the forwarder does with one client query.</summary>
public enum QueryVerdict
{
    /// <summary>Answered here (cache, FORMERR, REFUSED): send the response.</summary>
    Answered,

    /// <summary>Answered by policy (NXDOMAIN, NODATA, block page, RPZ local data): send the response; it is a block.</summary>
    Blocked,

    /// <summary>Nothing is sent: the query is too broken to answer, or policy says drop.</summary>
    Dropped,

    /// <summary>Ask an upstream resolver, then <see cref="IQueryResolver.Complete"/> or <see cref="IQueryResolver.Fail"/>.</summary>
    NeedsUpstream,
}
