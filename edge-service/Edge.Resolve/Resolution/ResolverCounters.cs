namespace Edge.Resolve.Resolution;

/// <summary>What the resolver did, counted with Interlocked so any thread may read a consistent-enough view.</summary>
public sealed class ResolverCounters
{
    private long _queries;
    private long _fromCache;
    private long _blocked;
    private long _dropped;
    private long _formErr;
    private long _upstream;
    private long _servFail;
    private long _truncated;
    private long _prefetched;
    private long _cacheEntries;
    private long _cacheBytes;
    private long _cacheEvictions;

    public long Queries => Volatile.Read(ref _queries);

    public long AnsweredFromCache => Volatile.Read(ref _fromCache);

    public long Blocked => Volatile.Read(ref _blocked);

    public long Dropped => Volatile.Read(ref _dropped);

    /// <summary>Queries answered FORMERR, NOTIMP, BADVERS or REFUSED.</summary>
    public long FormErr => Volatile.Read(ref _formErr);

    public long Upstream => Volatile.Read(ref _upstream);

    public long ServFail => Volatile.Read(ref _servFail);

    public long Truncated => Volatile.Read(ref _truncated);

    public long Prefetched => Volatile.Read(ref _prefetched);

    public long CacheEntries => Volatile.Read(ref _cacheEntries);

    /// <summary>Bytes charged to the cache's budget (data plus a fixed overhead per entry).</summary>
    public long CacheBytes => Volatile.Read(ref _cacheBytes);

    public long CacheEvictions => Volatile.Read(ref _cacheEvictions);

    internal void Query() => Interlocked.Increment(ref _queries);

    internal void FromCache() => Interlocked.Increment(ref _fromCache);

    internal void Block() => Interlocked.Increment(ref _blocked);

    internal void Drop() => Interlocked.Increment(ref _dropped);

    internal void Error() => Interlocked.Increment(ref _formErr);

    internal void ToUpstream() => Interlocked.Increment(ref _upstream);

    internal void Failed() => Interlocked.Increment(ref _servFail);

    internal void Truncate() => Interlocked.Increment(ref _truncated);

    internal void Prefetch() => Interlocked.Increment(ref _prefetched);

    internal void CacheChanged(int entries, long bytes)
    {
        Interlocked.Add(ref _cacheEntries, entries);
        Interlocked.Add(ref _cacheBytes, bytes);
    }

    internal void CacheEvicted() => Interlocked.Increment(ref _cacheEvictions);
}
