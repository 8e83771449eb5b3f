namespace Edge.Detect.Intel;

/// <summary>The current snapshot behind a volatile reference. Readers take <see cref="Current"/>
/// once per lookup and never lock; updates build aside and swap the reference.</summary>
public sealed class IntelHolder(IntelSnapshot initial)
{
    private volatile IntelSnapshot _current = initial;

    public IntelSnapshot Current => _current;

    /// <summary>Raised on the updating thread once an update is complete: after <see cref="Swap"/>,
    /// a successful <see cref="Reload"/>, and after the last shard of <see cref="ReloadByShards"/>
    /// (not between its shards; also when a later pass failed and some shards are new). Handlers
    /// should hand the snapshot to their own thread and return.</summary>
    public event Action<IntelSnapshot>? Changed;

    /// <summary>Publishes <paramref name="next"/>; returns the snapshot it replaced.</summary>
    public IntelSnapshot Swap(IntelSnapshot next)
    {
        var previous = Interlocked.Exchange(ref _current, next);
        Changed?.Invoke(next);
        return previous;
    }

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

    /// <summary>Low-memory update: the files are read once per shard (an eighth of the domains and
    /// networks, by hash), each rebuilt shard is swapped in as soon as it is built, and the
    /// replaced shard is collected before the next pass, so the peak is the old snapshot plus
    /// about one shard (see README.md for measured figures). Between swaps readers see a
    /// snapshot mixing old and new parts, each lookup still consistent with one snapshot. Every
    /// file is read completely in the first pass before anything is swapped; a file failing in a
    /// later pass keeps its previous parts and is reported.</summary>
    public IntelUpdateResult ReloadByShards(IReadOnlyList<IntelSource> sources, IntelLoadOptions? options = null)
    {
        options ??= new IntelLoadOptions();
        var report = new IntelLoadReport();
        for (var pass = 0; pass < IntelSnapshot.ShardCount; pass++)
        {
            if (!ReloadPart(pass, sources, options, report))
            {
                if (pass > 0)
                    Changed?.Invoke(_current);
                return new IntelUpdateResult(false, _current, report);
            }
            // Without this the next pass may allocate before the GC notices the replaced part is
            // garbage, and the peak grows by one part per pass. The arrays hold no references, so
            // the collection only has to mark a few hundred chunks.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
        }
        Changed?.Invoke(_current);
        return new IntelUpdateResult(true, _current, report);
    }

    /// <summary>Builds and swaps in one shard (its domains and networks). Out of line so that no temporary of this frame (unoptimized code keeps them
    /// all alive to the end of the method) still holds the replaced part when the caller
    /// collects.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private bool ReloadPart(int pass, IReadOnlyList<IntelSource> sources, IntelLoadOptions options, IntelLoadReport report)
    {
        var builder = new IntelSnapshotBuilder(pass);
        var passReport = pass == 0 ? report : new IntelLoadReport();
        IntelLoader.Feed(builder, sources, options, passReport);
        if (!passReport.Complete)
        {
            if (pass > 0)
            {
                foreach (var warning in passReport.Warnings)
                    report.Warn(warning);
            }
            return false;
        }
        var built = builder.Build();
        Interlocked.Exchange(ref _current, _current.WithShard(pass, built));
        report.Duplicates += built.Duplicates;
        return true;
    }
}
