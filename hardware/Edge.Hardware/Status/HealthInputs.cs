namespace Edge.Hardware.Status;

/// <summary>What the status model looks at, sampled by the service from its pipeline, outbox, uplink
/// and acknowledgements. A non-null fault or warning is the reason shown on the status page.</summary>
public sealed record HealthInputs
{
    /// <summary>The pipeline runs: capture opened and detection started.</summary>
    public bool Started { get; init; }

    /// <summary>Capture failing (interface gone, source error), or null.</summary>
    public string? CaptureFault { get; init; }

    /// <summary>Outbox or evidence disk failing (writes refused, disk full), or null.</summary>
    public string? StorageFault { get; init; }

    public bool UplinkConnected { get; init; }

    /// <summary>Messages waiting in the outbox for the broker.</summary>
    public long OutboxPending { get; init; }

    public OpenAlertLevel OpenAlert { get; init; }

    /// <summary>Unacknowledged alerts; a rise un-silences a silenced alert pattern.</summary>
    public long OpenAlertCount { get; init; }

    /// <summary>A technician's flash in progress, or just refused; shown above everything else, since
    /// the technician standing at the sensor needs to see it.</summary>
    public FlashPhase Flash { get; init; }

    /// <summary>What is being flashed, or why it was refused, for the status page.</summary>
    public string? FlashDetail { get; init; }

    /// <summary>A condition worth a look but not a fault (CPU hot, kernel drops rising), or null.</summary>
    public string? Warning { get; init; }
}
