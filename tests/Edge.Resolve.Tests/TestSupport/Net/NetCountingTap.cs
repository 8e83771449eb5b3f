using Edge.Resolve.Server;

namespace Edge.Resolve.Tests.TestSupport.Net;

/// <summary>A tap that only counts, so it adds no allocation of its own. Also linked into Edge.Benchmarks.</summary>
public sealed class NetCountingTap : IDnsTap
{
    private long _exchanges;

    public long Exchanges => Volatile.Read(ref _exchanges);

    public void OnExchange(in DnsExchange exchange) => Interlocked.Increment(ref _exchanges);
}
