namespace Edge.Firmware.Slots;

/// <summary>How long a new slot may take to prove healthy (pipeline up, heartbeat sent) and how many
/// service starts it gets (a crash loop) before the sensor goes back to the previous slot.</summary>
public sealed record TrialPolicy(TimeSpan Deadline, int MaxStarts)
{
    public static readonly TrialPolicy Default = new(TimeSpan.FromMinutes(5), 3);
}
