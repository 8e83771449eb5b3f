namespace Edge.Firmware.Slots;

/// <summary>What the slot store remembers beside the <c>current</c> link: the slot on trial after an
/// update and the last rollback, so the birth message and an alert can report it.</summary>
public sealed record SlotState
{
    public TrialState? Trial { get; init; }

    public RollbackRecord? LastRollback { get; init; }
}

/// <summary>A slot that booted a new version and has not yet proved healthy.</summary>
/// <param name="Slot">a or b.</param>
/// <param name="Previous">The slot to go back to.</param>
/// <param name="Starts">Service starts on this slot so far (a crash loop counts up).</param>
public sealed record TrialState(string Slot, string Previous, string Version, DateTimeOffset Since, int Starts);

/// <summary>A trial that failed: the sensor went from slot <paramref name="From"/> (running
/// <paramref name="Version"/>) back to slot <paramref name="To"/> at <paramref name="At"/>.</summary>
public sealed record RollbackRecord(string From, string To, string Version, string Reason, DateTimeOffset At)
{
    /// <summary>The id of the alert that reported this rollback, set once the alert is in the outbox;
    /// null until then (and in files written before alerts were sent).</summary>
    public string? AlertId { get; init; }
}
