namespace Edge.Detect.Intel;

/// <summary>The current snapshot behind a volatile reference. Readers take <see cref="Current"/>
/// once per lookup and never lock; updates build aside and swap the reference.</summary>
public sealed class IntelHolder(IntelSnapshot initial)
{
    private volatile IntelSnapshot _current = initial;

    public IntelSnapshot Current => _current;

    /// <summary>Publishes <paramref name="next"/>; returns the snapshot it replaced.</summary>
    public IntelSnapshot Swap(IntelSnapshot next) => Interlocked.Exchange(ref _current, next);

    /// <summary>Loads all sources into a new snapshot and swaps it in, unless a file could not be
    /// read: then the previous snapshot stays and the report carries the warning. Peak memory is
    /// the old snapshot plus the new one.</summary>
    public IntelUpdateResult Reload(IReadOnlyList<IntelSource> sources, IntelLoadOptions? options = null)
    {
        var (snapshot, report) = IntelLoader.Load(sources, options);
        if (!report.Complete)
            return new IntelUpdateResult(false, _current, report);
        Swap(snapshot);
        return new IntelUpdateResult(true, snapshot, report);
    }

    /// <summary>Low-memory update: the files are read once per domain shard and each rebuilt
    /// shard is swapped in as soon as it is built, so the peak is the old snapshot plus one shard
    /// (about 1.25x). Between swaps readers see a snapshot mixing old and new shards, each lookup
    /// still consistent with one snapshot. Every file is read completely in the first pass before
    /// anything is swapped; a file failing in a later pass keeps its previous shards and is
    /// reported.</summary>
    public IntelUpdateResult ReloadByShards(IReadOnlyList<IntelSource> sources, IntelLoadOptions? options = null)
    {
        options ??= new IntelLoadOptions();
        var report = new IntelLoadReport();
        for (var shard = 0; shard < IntelSnapshot.ShardCount; shard++)
        {
            var builder = new IntelSnapshotBuilder(shard, withCidrs: shard == 0);
            var passReport = shard == 0 ? report : new IntelLoadReport();
            IntelLoader.Feed(builder, sources, options, passReport);
            if (!passReport.Complete)
            {
                foreach (var warning in passReport.Warnings.Where(_ => shard > 0))
                    report.Warn(warning);
                return new IntelUpdateResult(false, _current, report);
            }
            var built = builder.Build();
            var next = _current.WithShard(shard, built.Shard(shard));
            if (shard == 0)
                next = next.WithCidrs(built.Cidrs);
            Swap(next);
            report.Duplicates += built.Duplicates;
        }
        return new IntelUpdateResult(true, _current, report);
    }
}
