namespace Edge.Uplink.Outbox;

/// <summary>SQLite's <c>PRAGMA synchronous</c> under WAL. <see cref="Full"/>: every commit is fsynced
/// before <see cref="IOutbox.Add"/> returns, so an acknowledged message survives power loss.
/// <see cref="Normal"/>: the WAL is fsynced only at checkpoints, so a killed process loses nothing but
/// a power cut can lose the last commits (the database stays consistent).</summary>
public enum OutboxSynchronous
{
    Full,
    Normal,
}
