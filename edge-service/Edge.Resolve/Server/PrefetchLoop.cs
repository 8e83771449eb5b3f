using Edge.Resolve.Upstream;

namespace Edge.Resolve.Server;

/// <summary>Every <see cref="ForwarderOptions.PrefetchInterval"/>, asks the upstreams the queries
/// the cache wants refreshed; their answers go to <see cref="IQueryResolver.Complete"/> (which
/// caches them) and nowhere else.</summary>
internal sealed class PrefetchLoop : IUpstreamWaiter, IAsyncDisposable
{
    private const int MaxPerTick = 256;

    private readonly IQueryResolver _resolver;
    private readonly UpstreamPool _pool;
    private readonly ForwarderCounters _counters;
    private readonly byte[] _query = new byte[ushort.MaxValue];
    private readonly ITimer? _timer;
    private int _running;

    public PrefetchLoop(IQueryResolver resolver, UpstreamPool pool, ForwarderCounters counters, TimeSpan interval, TimeProvider time)
    {
        _resolver = resolver;
        _pool = pool;
        _counters = counters;
        if (interval > TimeSpan.Zero && pool.Count > 0)
            _timer = time.CreateTimer(static state => ((PrefetchLoop)state!).Tick(), this, interval, interval);
    }

    internal void Tick()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
            return;
        try
        {
            for (var i = 0; i < MaxPerTick; i++)
            {
                var pending = _pool.TryRent();
                if (pending is null)
                    return;
                if (!_resolver.TryTakePrefetch(_query, out var length) || length <= 0)
                {
                    _pool.Return(pending);
                    return;
                }
                pending.SetQuery(_query.AsSpan(0, length));
                pending.Transport = DnsTransport.Tcp;
                pending.Waiter = this;
                Interlocked.Increment(ref _counters._prefetches);
                _pool.Submit(pending);
            }
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    public void OnAnswer(PendingQuery query, ReadOnlySpan<byte> answer) =>
        _resolver.Complete(query.Query, answer, DnsTransport.Tcp, ResponseScratch.ForThisThread());

    public void OnFailed(PendingQuery query)
    {
    }

    public ValueTask DisposeAsync() => _timer?.DisposeAsync() ?? ValueTask.CompletedTask;
}
