namespace Edge.Firmware.Slots;

public enum BootVerdict
{
    /// <summary>No update on trial: run.</summary>
    Normal,

    /// <summary>A new version on trial: run, and confirm once healthy.</summary>
    OnTrial,

    /// <summary>The trial failed: <c>current</c> points at the previous slot again; exit so the
    /// service manager starts the old version.</summary>
    RolledBack,
}

public sealed record BootDecision(BootVerdict Verdict, string Slot, string? Reason = null);
