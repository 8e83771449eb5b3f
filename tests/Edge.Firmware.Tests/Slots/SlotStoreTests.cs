using Edge.Firmware.Slots;

namespace Edge.Firmware.Tests.Slots;

public sealed class SlotStoreTests : IDisposable
{
    private static readonly TrialPolicy Policy = new(TimeSpan.FromMinutes(5), MaxStarts: 3);
    private readonly SlotRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Fact]
    public void An_update_goes_into_the_idle_slot_and_boots_on_trial_until_confirmed()
    {
        _rig.Install("2.0.0");

        Assert.Equal(SlotStore.B, _rig.Store.Active);
        Assert.Equal("2.0.0", _rig.RunningVersion);
        Assert.Equal("1.0.0", File.ReadAllText(Path.Combine(_rig.Store.SlotPath(SlotStore.A), "version")));
        Assert.Equal(new BootDecision(BootVerdict.OnTrial, SlotStore.B), _rig.Store.OnServiceStart(Policy));
        Assert.True(_rig.Store.ConfirmHealthy());
        Assert.Equal(new BootDecision(BootVerdict.Normal, SlotStore.B), _rig.Store.OnServiceStart(Policy));
        Assert.Null(_rig.Store.ReadState().Trial);
    }

    [Fact]
    public void A_crash_loop_on_the_new_slot_rolls_back_after_the_allowed_starts_and_records_why()
    {
        _rig.Install("2.0.0");
        for (var i = 0; i < Policy.MaxStarts; i++)
            Assert.Equal(BootVerdict.OnTrial, _rig.Store.OnServiceStart(Policy).Verdict);

        var decision = _rig.Store.OnServiceStart(Policy);

        Assert.Equal(BootVerdict.RolledBack, decision.Verdict);
        Assert.Equal("1.0.0", _rig.RunningVersion);
        var rollback = _rig.Store.ReadState().LastRollback!;
        Assert.Equal((SlotStore.B, SlotStore.A, "2.0.0"), (rollback.From, rollback.To, rollback.Version));
        Assert.Equal("version 2.0.0 started 3 times without becoming healthy", rollback.Reason);
        Assert.Equal(BootVerdict.Normal, _rig.Store.OnServiceStart(Policy).Verdict);
    }

    [Fact]
    public void A_new_slot_not_healthy_by_the_deadline_rolls_back_while_running_or_at_the_next_start()
    {
        _rig.Install("2.0.0");
        Assert.Equal(BootVerdict.OnTrial, _rig.Store.OnServiceStart(Policy).Verdict);
        _rig.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(BootVerdict.OnTrial, _rig.Store.CheckDeadline(Policy).Verdict);
        _rig.Time.Advance(TimeSpan.FromMinutes(2));

        var decision = _rig.Store.CheckDeadline(Policy);

        Assert.Equal(new BootDecision(BootVerdict.RolledBack, SlotStore.A, "version 2.0.0 was not healthy within 300 s"), decision);
        Assert.Equal("1.0.0", _rig.RunningVersion);
        Assert.False(_rig.Store.ConfirmHealthy());
    }

    [Fact]
    public void A_second_update_replaces_the_slot_that_is_not_running()
    {
        _rig.Install("2.0.0");
        _rig.Store.ConfirmHealthy();
        _rig.Install("3.0.0");

        Assert.Equal(SlotStore.A, _rig.Store.Active);
        Assert.Equal("3.0.0", _rig.RunningVersion);
        Assert.Equal("2.0.0", File.ReadAllText(Path.Combine(_rig.Store.SlotPath(SlotStore.B), "version")));
        Assert.False(Directory.Exists(_rig.Store.SlotPath(SlotStore.B) + ".staging"));
    }

    [Theory]
    [InlineData("retired")]
    [InlineData("installed")]
    [InlineData("trial-recorded")]
    [InlineData("switched")]
    public void Cut_at_any_step_of_an_update_the_link_points_at_a_whole_slot_and_the_next_update_still_works(string step)
    {
        _rig.Install("2.0.0");
        _rig.Store.ConfirmHealthy();
        WriteStaged("3.0.0");
        _rig.Store.StepHook = name =>
        {
            if (name == step)
                throw new PowerCut();
        };

        Assert.Throws<PowerCut>(() => _rig.Store.Activate("3.0.0"));
        _rig.Store.StepHook = null;

        // Old or new, whole: the version file and the binary agree.
        var running = _rig.RunningVersion;
        Assert.Contains(running, new[] { "2.0.0", "3.0.0" });
        Assert.Equal($"binary {running}", File.ReadAllText(Path.Combine(_rig.Store.CurrentLink, "edge-service")));
        Assert.Equal(step == "switched" ? "3.0.0" : "2.0.0", running);
        var decision = _rig.Store.OnServiceStart(Policy);
        Assert.Equal(step == "switched" ? BootVerdict.OnTrial : BootVerdict.Normal, decision.Verdict);

        _rig.Install("4.0.0");
        Assert.Equal("4.0.0", _rig.RunningVersion);
    }

    [Theory]
    [InlineData("rollback-recorded")]
    [InlineData("rollback-switched")]
    public void Cut_during_a_rollback_the_next_start_still_ends_on_the_previous_slot(string step)
    {
        _rig.Install("2.0.0");
        _rig.Time.Advance(TimeSpan.FromMinutes(6));
        _rig.Store.StepHook = name =>
        {
            if (name == step)
                throw new PowerCut();
        };
        Assert.Throws<PowerCut>(() => _rig.Store.OnServiceStart(Policy));
        _rig.Store.StepHook = null;

        var decision = _rig.Store.OnServiceStart(Policy);

        Assert.Equal("1.0.0", _rig.RunningVersion);
        Assert.NotEqual(BootVerdict.OnTrial, decision.Verdict);
        Assert.Equal("2.0.0", _rig.Store.ReadState().LastRollback?.Version);
    }

    [Fact]
    public void A_rollback_marked_reported_keeps_its_alert_id_and_a_later_trial()
    {
        RollBackFrom2();
        var rollback = _rig.Store.ReadState().LastRollback!;
        Assert.Null(rollback.AlertId);

        Assert.True(_rig.Store.MarkRollbackReported(rollback, "01M86E81E0SFAS7QM1Z5VBDSSQ"));
        _rig.Install("2.1.0");

        var state = _rig.Store.ReadState();
        Assert.Equal(rollback with { AlertId = "01M86E81E0SFAS7QM1Z5VBDSSQ" }, state.LastRollback);
        Assert.Equal("2.1.0", state.Trial?.Version);
        Assert.Contains("\"alert_id\": \"01M86E81E0SFAS7QM1Z5VBDSSQ\"", File.ReadAllText(StateFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Marking_a_rollback_that_is_no_longer_the_last_one_changes_nothing()
    {
        RollBackFrom2();
        var first = _rig.Store.ReadState().LastRollback!;
        _rig.Install("2.0.1");
        _rig.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(BootVerdict.RolledBack, _rig.Store.OnServiceStart(Policy).Verdict);
        var before = File.ReadAllText(StateFile);

        Assert.False(_rig.Store.MarkRollbackReported(first, "01M86E81E0SFAS7QM1Z5VBDSSQ"));
        Assert.Equal(before, File.ReadAllText(StateFile));
        Assert.Null(_rig.Store.ReadState().LastRollback!.AlertId);
    }

    [Fact]
    public void A_state_file_written_before_rollbacks_were_reported_still_reads()
    {
        File.WriteAllText(StateFile, """
            {
              "last_rollback": {
                "from": "b",
                "to": "a",
                "version": "2.0.0",
                "reason": "version 2.0.0 started 3 times without becoming healthy",
                "at": "2026-11-25T12:06:00+00:00"
              }
            }
            """);

        var rollback = _rig.Store.ReadState().LastRollback;

        Assert.Equal(new RollbackRecord("b", "a", "2.0.0", "version 2.0.0 started 3 times without becoming healthy",
            new DateTimeOffset(2026, 11, 25, 12, 6, 0, TimeSpan.Zero)), rollback);
        Assert.Null(rollback!.AlertId);
    }

    [Fact]
    public void A_state_file_cut_short_is_read_as_no_trial()
    {
        _rig.Install("2.0.0");
        File.WriteAllText(Path.Combine(_rig.Root, "slot-state.json"), "{\"trial\": {\"slot\": \"b\", \"prev");

        Assert.Equal(BootVerdict.Normal, _rig.Store.OnServiceStart(Policy).Verdict);
    }

    [Fact]
    public void Activating_with_nothing_staged_is_refused_and_changes_nothing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _rig.Store.Activate("2.0.0"));
        Assert.Contains("nothing staged", error.Message, StringComparison.Ordinal);
        Assert.Equal("1.0.0", _rig.RunningVersion);
    }

    private string StateFile => Path.Combine(_rig.Root, "slot-state.json");

    /// <summary>Installs 2.0.0 and lets its trial run out at the next start: slot a runs 1.0.0 again.</summary>
    private void RollBackFrom2()
    {
        _rig.Install("2.0.0");
        _rig.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(BootVerdict.RolledBack, _rig.Store.OnServiceStart(Policy).Verdict);
    }

    private void WriteStaged(string version) => SlotRig.WriteVersion(_rig.Store.PrepareStaging(), version);

    private sealed class PowerCut : Exception;
}
