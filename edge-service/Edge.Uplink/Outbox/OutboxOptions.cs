namespace Edge.Uplink.Outbox;

/// <summary>Where the outbox lives and how much it may hold (configuration section <c>Edge:Outbox</c>).
/// Setters, not init: the configuration binding generator needs them.</summary>
public sealed record OutboxOptions
{
    /// <summary>The SQLite file; its folder is created if missing.</summary>
    public string Path { get; set; } = "";

    /// <summary>Payload and topic bytes the outbox may hold; past it the lowest, oldest messages are dropped.</summary>
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Messages the outbox may hold; 0 for no limit other than <see cref="MaxBytes"/>.</summary>
    public int MaxMessages { get; set; } = 100_000;

    public OutboxSynchronous Synchronous { get; set; } = OutboxSynchronous.Full;

    /// <summary>Seconds a delivered message is kept (not read, not counted in the depth, first to go when
    /// full) so it can be sent again if the broker loses it (<see cref="IOutbox.Redeliver"/>); 0 deletes at once.</summary>
    public int RedeliveryWindowSeconds { get; set; } = 300;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
            throw new ArgumentException("Path must name the outbox database file", nameof(Path));
        if (MaxBytes < 64 * 1024)
            throw new ArgumentOutOfRangeException(nameof(MaxBytes), MaxBytes, "MaxBytes must be at least 65,536");
        if (MaxMessages < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxMessages), MaxMessages, "MaxMessages must be 0 (no limit) or positive");
        if (RedeliveryWindowSeconds < 0)
            throw new ArgumentOutOfRangeException(nameof(RedeliveryWindowSeconds), RedeliveryWindowSeconds, "RedeliveryWindowSeconds must be 0 (delete at once) or positive");
        if (!Enum.IsDefined(Synchronous))
            throw new ArgumentOutOfRangeException(nameof(Synchronous), Synchronous, "Synchronous must be Full or Normal");
    }
}
