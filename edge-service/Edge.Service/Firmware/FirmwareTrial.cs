using System.Globalization;
using Edge.Detect.Alerts;
using Edge.Firmware.Slots;
using Edge.Service.Configuration;
using Edge.Uplink.Messages;

namespace Edge.Service.Firmware;

/// <summary>The running service's side of an A/B update. At start it counts a start of a slot on
/// trial (and rolls back if the trial ran out); while running it confirms the slot once the sensor is
/// healthy and a heartbeat went out, and rolls back if the deadline passes first. Without a slot root
/// (a developer's build) it does nothing.</summary>
public sealed class FirmwareTrial(SlotStore? slots, TrialPolicy policy, TimeProvider time)
{
    private static readonly TimeSpan DeadlineCheckEvery = TimeSpan.FromSeconds(10);
    private long _lastCheck = time.GetTimestamp();

    public static FirmwareTrial Open(FirmwareSettings settings, TimeProvider time)
    {
        var root = settings.ResolveSlotRoot();
        var slots = root is not null && Directory.Exists(Path.Combine(root, "slots")) ? new SlotStore(root, time) : null;
        return new FirmwareTrial(slots, new TrialPolicy(TimeSpan.FromSeconds(settings.TrialDeadlineSeconds), settings.MaxTrialStarts), time);
    }

    public string? Slot { get; private set; }

    public bool OnTrial { get; private set; }

    /// <summary>Set when the trial ran out while the service ran: it must stop so the previous slot starts.</summary>
    public string? RolledBack { get; private set; }

    /// <summary>The last rollback on this sensor, for the birth message.</summary>
    public StatusRollback? LastRollback { get; private set; }

    /// <summary>The last rollback while no alert has reported it yet.</summary>
    public RollbackRecord? UnreportedRollback { get; private set; }

    public BootDecision Start()
    {
        if (slots is null)
            return new BootDecision(BootVerdict.Normal, "");
        var decision = slots.OnServiceStart(policy);
        Slot = slots.Active;
        OnTrial = decision.Verdict == BootVerdict.OnTrial;
        if (slots.ReadState().LastRollback is { } rollback)
        {
            LastRollback = new StatusRollback(rollback.Version, rollback.Reason,
                rollback.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            UnreportedRollback = rollback.AlertId is null ? rollback : null;
        }
        return decision;
    }

    /// <summary>Reports the last rollback as an alert once: <paramref name="store"/> must have put it in
    /// the outbox (true) before the rollback is marked reported in the slot state; a crash between the
    /// two sends it again at the next start under the same id, which consumers dedupe. Returns the
    /// alert stored, or null when there was nothing to report or the outbox did not take it (the next
    /// start tries again).</summary>
    public Alert? ReportRollback(Func<Alert, bool> store, string? runningVersion = null)
    {
        if (slots is null || UnreportedRollback is not { } rollback)
            return null;
        var alert = RollbackAlert.Create(rollback, runningVersion);
        if (!store(alert))
            return null;
        slots.MarkRollbackReported(rollback, alert.Id);
        UnreportedRollback = null;
        return alert;
    }

    /// <summary>Called with every status sample; true (once) when the trial failed and the host must stop.</summary>
    public bool Observe(bool healthy, bool heartbeatSent)
    {
        if (slots is null || !OnTrial)
            return false;
        if (healthy && heartbeatSent)
        {
            slots.ConfirmHealthy();
            OnTrial = false;
            return false;
        }
        if (time.GetElapsedTime(_lastCheck) < DeadlineCheckEvery)
            return false;
        _lastCheck = time.GetTimestamp();
        var decision = slots.CheckDeadline(policy);
        if (decision.Verdict != BootVerdict.RolledBack)
            return false;
        RolledBack = decision.Reason;
        OnTrial = false;
        return true;
    }
}
