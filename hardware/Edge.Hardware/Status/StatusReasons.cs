namespace Edge.Hardware.Status;

/// <summary>The short sentences that say why the sensor is in its state, for the status page, the
/// journal and agency IT.</summary>
internal static class StatusReasons
{
    public const string Booting = "starting: capture not running yet";
    public const string Monitoring = "monitoring";

    public static string Fault(string? captureFault, string? storageFault) => (captureFault, storageFault) switch
    {
        ({ } capture, { } storage) => $"capture failing: {capture}; storage failing: {storage}",
        ({ } capture, null) => $"capture failing: {capture}",
        (null, { } storage) => $"storage failing: {storage}",
        _ => throw new ArgumentException("no fault to describe"),
    };

    public static string Flashing(FlashPhase phase, string? detail) => phase switch
    {
        FlashPhase.Receiving => "flashing over USB: receiving",
        FlashPhase.Installing => "flashing over USB: verifying and installing",
        _ => detail is null ? "flashing over USB: refused" : $"flashing over USB: refused: {detail}",
    };

    public static string Alert(OpenAlertLevel level, long count)
    {
        var name = level.ToString().ToLowerInvariant();
        return count > 1
            ? $"{count} unacknowledged alerts, highest {name}"
            : $"1 unacknowledged alert, {name}";
    }

    public static string UplinkDown(TimeSpan down, bool everConnected, long buffered)
    {
        var outage = everConnected ? $"uplink down {Duration(down)}" : $"uplink never connected ({Duration(down)})";
        return $"{outage}, {Buffered(buffered)}";
    }

    /// <summary>"under 1 min", "2 min", "3 h 5 min", "2 d 4 h": whole units, rounded down. No seconds: the
    /// reason would change, and be announced, on every sample of an outage.</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => "under 1 min",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
        { TotalDays: < 1 } => span.Minutes == 0 ? $"{span.Hours} h" : $"{span.Hours} h {span.Minutes} min",
        _ => span.Hours == 0 ? $"{span.Days} d" : $"{span.Days} d {span.Hours} h",
    };

    private static string Buffered(long messages) => messages switch
    {
        <= 0 => "nothing buffered",
        1 => "1 message buffered",
        _ => $"{messages} messages buffered",
    };
}
