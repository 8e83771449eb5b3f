namespace Edge.Resolve.Cache;

/// <summary>The cache's share of <see cref="Policy.ResolverOptions"/>, in the units it computes with.</summary>
internal readonly record struct CacheSettings(
    long BudgetBytes,
    uint MinTtl,
    uint MaxTtl,
    uint MaxNegativeTtl,
    uint ServFailTtl,
    int PrefetchHits);
