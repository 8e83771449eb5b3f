namespace Edge.Uplink.Outbox;

/// <summary>A stored message, in the order it was added (<see cref="Sequence"/> grows).</summary>
public sealed record OutboxRecord(long Sequence, string Topic, byte[] Payload, OutboxPriority Priority, string? MessageId);
