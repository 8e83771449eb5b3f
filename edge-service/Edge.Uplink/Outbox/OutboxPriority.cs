namespace Edge.Uplink.Outbox;

/// <summary>Which messages a full outbox gives up first: the lowest priority, oldest first. Critical
/// is never dropped (a full outbox of critical alerts refuses new low ones instead).</summary>
public enum OutboxPriority : byte
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
}
