using Edge.Cli.Store;

namespace Edge.Cli.Collect;

/// <summary>The incident store behind <see cref="IBatchStore"/>: a <see cref="StoreWriter"/> on its own
/// connection, dropped after a failure so the next attempt starts on a fresh one (a restarted
/// PostgreSQL, a SQLite file that was locked).</summary>
public sealed class StoreBatchStore(IncidentStore store) : IBatchStore
{
    private StoreWriter? _writer;

    public StoreResult Write(IncomingBatch batch)
    {
        try
        {
            _writer ??= new StoreWriter(store);
            return _writer.Write(batch);
        }
        catch
        {
            _writer?.Dispose();
            _writer = null;
            throw;
        }
    }

    public void Dispose() => _writer?.Dispose();
}
