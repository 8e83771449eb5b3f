using Edge.Cli.Store;

namespace Edge.Cli.Collect;

/// <summary>Commits one batch, all or nothing; throws when it could not (nothing of it is stored then).</summary>
public interface IBatchStore : IDisposable
{
    StoreResult Write(IncomingBatch batch);
}
