namespace Edge.Uplink.Outbox;

/// <summary>What the heartbeat reports of the outbox. Counts survive restarts (they live in the
/// database beside the messages). <see cref="Depth"/> and <see cref="Bytes"/> are messages still to
/// send; <see cref="Kept"/> and <see cref="KeptBytes"/> are delivered ones kept for the redelivery window.</summary>
public readonly record struct OutboxStats(
    long Depth,
    long Bytes,
    long Added,
    long Delivered,
    long Dropped,
    long DroppedLow,
    long DroppedMedium,
    long DroppedHigh,
    long Refused,
    long Kept = 0,
    long KeptBytes = 0);
