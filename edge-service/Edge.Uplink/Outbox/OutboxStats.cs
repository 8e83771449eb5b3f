namespace Edge.Uplink.Outbox;

/// <summary>What the heartbeat reports of the outbox. Counts survive restarts (they live in the
/// database beside the messages).</summary>
public readonly record struct OutboxStats(
    long Depth,
    long Bytes,
    long Added,
    long Delivered,
    long Dropped,
    long DroppedLow,
    long DroppedMedium,
    long DroppedHigh,
    long Refused);
