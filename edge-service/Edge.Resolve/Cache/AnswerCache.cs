using Edge.Resolve.Resolution;

namespace Edge.Resolve.Cache;

/// <summary>Upstream answers by (name, type, class, DO, CD), in shards that each have a lock and a
/// share of the byte budget. Locks rather than lock-free reads: a hit copies the answer and patches
/// its TTLs, a few hundred nanoseconds at most, and evicted arrays are reused, which a lock-free
/// reader could see half rewritten; with 16 shards two cores rarely meet on one lock.</summary>
internal sealed class AnswerCache
{
    public const int DefaultShards = 16;

    private readonly CacheShard[] _shards;
    private readonly CacheClock _clock;
    private readonly CacheSettings _settings;
    private readonly ResolverCounters _counters;
    private readonly PrefetchQueue _prefetch = new();

    public AnswerCache(CacheSettings settings, TimeProvider time, ResolverCounters counters, int shardCount = DefaultShards)
    {
        if (shardCount <= 0 || (shardCount & (shardCount - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(shardCount), "a power of two");
        _settings = settings;
        _clock = new CacheClock(time);
        _counters = counters;
        _shards = new CacheShard[shardCount];
        for (var i = 0; i < shardCount; i++)
            _shards[i] = new CacheShard(settings.BudgetBytes / shardCount, counters);
    }

    public CacheSettings Settings => _settings;

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var shard in _shards)
                count += shard.Count;
            return count;
        }
    }

    /// <summary>The stored answer, TTLs aged, copied into <paramref name="response"/> (id 0, no OPT,
    /// the stored question: the caller makes it the client's).</summary>
    public bool TryServe(ReadOnlySpan<byte> key, Span<byte> response, out int length)
    {
        var hash = CacheKey.Hash(key);
        if (!ShardOf(hash).TryServe(key, hash, _clock.NowMs, _settings.PrefetchHits, response, out length, out var prefetchDue))
            return false;
        if (prefetchDue && _prefetch.TryAdd(key))
            _counters.Prefetch();
        return true;
    }

    public void Store(ReadOnlySpan<byte> key, ReadOnlySpan<byte> answer, ReadOnlySpan<ushort> ttlOffsets, uint ttlSeconds)
    {
        if (ttlSeconds == 0)
            return;
        var hash = CacheKey.Hash(key);
        ShardOf(hash).Store(key, hash, answer, ttlOffsets, ttlSeconds, _clock.NowMs);
    }

    public bool TryTakePrefetch(Span<byte> key, out int length) => _prefetch.TryTake(key, out length);

    private CacheShard ShardOf(int hash) => _shards[hash & (_shards.Length - 1)];
}
