using Edge.Firmware.Slots;
using Edge.Service.Firmware;
using Edge.Uplink.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Service.Tests.Firmware;

public sealed class FirmwareTrialTests : IDisposable
{
    private static readonly TrialPolicy Policy = new(TimeSpan.FromMinutes(5), MaxStarts: 3);
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly SlotStore _slots;

    public FirmwareTrialTests()
    {
        _slots = new SlotStore(_folder.Path, _clock);
        _slots.Initialise();
        File.WriteAllText(Path.Combine(_slots.PrepareStaging(), "version"), "2.0.0");
        _slots.Activate("2.0.0");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_slot_on_trial_is_kept_only_once_healthy_and_a_heartbeat_went_out()
    {
        var trial = new FirmwareTrial(_slots, Policy, _clock);
        Assert.Equal(BootVerdict.OnTrial, trial.Start().Verdict);
        Assert.Equal(SlotStore.B, trial.Slot);

        Assert.False(trial.Observe(healthy: true, heartbeatSent: false));
        Assert.False(trial.Observe(healthy: false, heartbeatSent: true));
        Assert.True(trial.OnTrial);
        Assert.False(trial.Observe(healthy: true, heartbeatSent: true));

        Assert.False(trial.OnTrial);
        Assert.Null(_slots.ReadState().Trial);
    }

    [Fact]
    public void Unhealthy_past_the_deadline_it_rolls_back_once_and_says_why()
    {
        var trial = new FirmwareTrial(_slots, Policy, _clock);
        trial.Start();
        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.False(trial.Observe(healthy: false, heartbeatSent: true));
        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.True(trial.Observe(healthy: false, heartbeatSent: true));
        Assert.False(trial.Observe(healthy: false, heartbeatSent: true));
        Assert.Equal("version 2.0.0 was not healthy within 300 s", trial.RolledBack);
        Assert.Equal(SlotStore.A, _slots.Active);
    }

    [Fact]
    public void The_last_rollback_is_told_at_the_next_start_for_the_birth_message()
    {
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(BootVerdict.RolledBack, new FirmwareTrial(_slots, Policy, _clock).Start().Verdict);

        var next = new FirmwareTrial(_slots, Policy, _clock);
        Assert.Equal(BootVerdict.Normal, next.Start().Verdict);

        Assert.Equal(("2.0.0", "2026-11-25T12:06:00Z"), (next.LastRollback?.Version, next.LastRollback?.At));
        Assert.False(next.OnTrial);
    }

    [Fact]
    public void Without_slots_it_does_nothing()
    {
        var trial = new FirmwareTrial(null, Policy, _clock);
        Assert.Equal(BootVerdict.Normal, trial.Start().Verdict);
        Assert.False(trial.Observe(true, true));
        Assert.Null(trial.Slot);
    }
}
