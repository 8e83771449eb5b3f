namespace Edge.Uplink.Outbox;

/// <summary>A message to publish with QoS 1: its topic, payload bytes, drop priority and, for an
/// alert, its id (an update of an alert has the same id; both are kept).</summary>
public readonly record struct OutboxItem(string Topic, ReadOnlyMemory<byte> Payload, OutboxPriority Priority, string? MessageId = null);
