using System.Text.Json;
using Edge.Firmware.Files;

namespace Edge.Firmware.Slots;

/// <summary>Two installation slots under one root and a <c>current</c> link to the one that runs:
/// <code>
/// ROOT/slots/a   ROOT/slots/b   ROOT/current -> slots/a   ROOT/slot-state.json
/// </code>
/// An update only ever writes the slot that is not running, and switches <c>current</c> with one
/// rename, so a power cut at any moment leaves the old slot whole and <c>current</c> pointing at a
/// complete slot. The new slot then boots on trial: if the service does not confirm it healthy in
/// time, or starts too often (a crash loop), <c>current</c> goes back and the rollback is recorded.
/// Configuration and the outbox live outside the slots (the state folder) and survive both.</summary>
public sealed class SlotStore(string root, TimeProvider time)
{
    public const string A = "a";
    public const string B = "b";

    public string Root { get; } = Path.GetFullPath(root);

    public string CurrentLink => Path.Combine(Root, "current");

    private string StateFile => Path.Combine(Root, "slot-state.json");

    public string SlotPath(string slot) => Path.Combine(Root, "slots", slot);

    /// <summary>The slot <c>current</c> points at; a fresh root starts on a.</summary>
    public string Active
    {
        get
        {
            var target = new FileInfo(CurrentLink).LinkTarget;
            return target is null ? A : Path.GetFileName(target.TrimEnd('/')) == B ? B : A;
        }
    }

    public string Inactive => Active == A ? B : A;

    /// <summary>Makes the layout if missing: both slot folders and <c>current</c> on a.</summary>
    public void Initialise()
    {
        Directory.CreateDirectory(SlotPath(A));
        Directory.CreateDirectory(SlotPath(B));
        if (new FileInfo(CurrentLink).LinkTarget is null)
            DurableFile.ReplaceSymbolicLink(CurrentLink, Path.Combine("slots", A));
    }

    public SlotState ReadState()
    {
        if (!File.Exists(StateFile))
            return new SlotState();
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(StateFile), SlotJsonContext.Default.SlotState) ?? new SlotState();
        }
        catch (JsonException)
        {
            // A state file cut by a power cut: the slots themselves are whole, so start without a trial.
            return new SlotState();
        }
    }

    /// <summary>An empty folder beside the inactive slot to unpack a verified bundle into.</summary>
    public string PrepareStaging()
    {
        var staging = SlotPath(Inactive) + ".staging";
        if (Directory.Exists(staging))
            Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        return staging;
    }

    /// <summary>Makes the staged files the inactive slot and boots it on trial: the old inactive slot is
    /// replaced (it is not running), the trial is recorded, then <c>current</c> is switched.</summary>
    public void Activate(string version)
    {
        var from = Active;
        var to = Inactive;
        var staging = SlotPath(to) + ".staging";
        if (!Directory.Exists(staging))
            throw new InvalidOperationException("nothing staged: call PrepareStaging and unpack the bundle first");
        var target = SlotPath(to);
        var retired = target + ".old";
        if (Directory.Exists(retired))
            Directory.Delete(retired, recursive: true);
        if (Directory.Exists(target))
        {
            Directory.Move(target, retired);
            Step("retired");
        }
        Directory.Move(staging, target);
        DurableFile.FlushFolder(Path.Combine(Root, "slots"));
        Step("installed");
        WriteState(ReadState() with { Trial = new TrialState(to, from, version, time.GetUtcNow(), 0) });
        Step("trial-recorded");
        DurableFile.ReplaceSymbolicLink(CurrentLink, Path.Combine("slots", to));
        Step("switched");
        if (Directory.Exists(retired))
            Directory.Delete(retired, recursive: true);
    }

    /// <summary>Called by the service as it starts. A slot on trial counts a start; past the deadline
    /// or the start limit the sensor goes back to the previous slot.</summary>
    public BootDecision OnServiceStart(TrialPolicy policy)
    {
        var state = ReadState();
        var active = Active;
        if (state.Trial is not { } trial || trial.Slot != active)
            return new BootDecision(BootVerdict.Normal, active);
        var starts = trial.Starts + 1;
        if (starts > policy.MaxStarts)
            return RollBack(state, trial, $"version {trial.Version} started {trial.Starts} times without becoming healthy");
        if (time.GetUtcNow() - trial.Since > policy.Deadline)
            return RollBack(state, trial, $"version {trial.Version} was not healthy within {policy.Deadline.TotalSeconds:F0} s");
        WriteState(state with { Trial = trial with { Starts = starts } });
        return new BootDecision(BootVerdict.OnTrial, active);
    }

    /// <summary>The running slot proved healthy (pipeline up, heartbeat sent): the trial ends.</summary>
    public bool ConfirmHealthy()
    {
        var state = ReadState();
        if (state.Trial is not { } trial || trial.Slot != Active)
            return false;
        WriteState(state with { Trial = null });
        return true;
    }

    /// <summary>A trial still running whose deadline passed while the service was up.</summary>
    public BootDecision CheckDeadline(TrialPolicy policy)
    {
        var state = ReadState();
        if (state.Trial is { } trial && trial.Slot == Active && time.GetUtcNow() - trial.Since > policy.Deadline)
            return RollBack(state, trial, $"version {trial.Version} was not healthy within {policy.Deadline.TotalSeconds:F0} s");
        return new BootDecision(state.Trial is null ? BootVerdict.Normal : BootVerdict.OnTrial, Active);
    }

    /// <summary>Records that <paramref name="rollback"/> was reported as alert <paramref name="alertId"/>,
    /// so later starts do not report it again. False (and nothing written) when the last rollback is
    /// no longer that one.</summary>
    public bool MarkRollbackReported(RollbackRecord rollback, string alertId)
    {
        var state = ReadState();
        if (state.LastRollback is not { } last || last with { AlertId = null } != rollback with { AlertId = null })
            return false;
        if (last.AlertId != alertId)
            WriteState(state with { LastRollback = last with { AlertId = alertId } });
        return true;
    }

    /// <summary>The record is written with the trial still open, then the link goes back, then the trial
    /// closes: cut anywhere, the next start either finds the trial and rolls back again or runs the
    /// previous slot.</summary>
    private BootDecision RollBack(SlotState state, TrialState trial, string reason)
    {
        var record = new RollbackRecord(trial.Slot, trial.Previous, trial.Version, reason, time.GetUtcNow());
        WriteState(state with { LastRollback = record });
        Step("rollback-recorded");
        DurableFile.ReplaceSymbolicLink(CurrentLink, Path.Combine("slots", trial.Previous));
        Step("rollback-switched");
        WriteState(state with { Trial = null, LastRollback = record });
        return new BootDecision(BootVerdict.RolledBack, trial.Previous, reason);
    }

    /// <summary>Tests stop an update between two steps here, as a power cut would.</summary>
    internal Action<string>? StepHook { get; set; }

    private void Step(string name) => StepHook?.Invoke(name);

    private void WriteState(SlotState state) =>
        DurableFile.WriteAllBytes(StateFile, JsonSerializer.SerializeToUtf8Bytes(state, SlotJsonContext.Default.SlotState));
}
