namespace Edge.Uplink.Outbox;

/// <summary>The outbox file could not be used: it was moved to <paramref name="MovedTo"/> (with its
/// <c>-wal</c> and <c>-shm</c> files) and a fresh one started. Its messages and counters are in the
/// moved file, not in the outbox.</summary>
public sealed record OutboxRecovery(string MovedTo, string Reason);
