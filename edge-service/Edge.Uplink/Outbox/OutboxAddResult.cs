namespace Edge.Uplink.Outbox;

/// <summary>Stored: on disk before <see cref="IOutbox.Add"/> returned. Refused: the outbox is full of
/// messages that outrank it (it was not stored, and counted). Dropped: older, lower messages given up
/// to make room.</summary>
public readonly record struct OutboxAddResult(bool Stored, long Sequence, int Dropped);
