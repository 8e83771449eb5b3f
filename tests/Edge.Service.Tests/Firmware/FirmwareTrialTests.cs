using System.Text;
using Edge.Firmware.Slots;
using Edge.Service.Firmware;
using Edge.Service.Uplink;
using Edge.Uplink.Outbox;
using Edge.Uplink.Schemas;
using Edge.Uplink.Tests.TestSupport;
using Edge.Uplink.Topics;
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

    private static readonly AlertMessageMapper Mapper = new(new TopicLayout("agency-7", "lan-edge-1"), TimeProvider.System);

    public void Dispose() => _folder.Dispose();

    /// <summary>2.0.0's trial runs out: the next start goes back to slot a and exits.</summary>
    private void RollBack()
    {
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(BootVerdict.RolledBack, new FirmwareTrial(_slots, Policy, _clock).Start().Verdict);
    }

    private sealed class PowerCut : Exception;

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
    public void A_rollback_goes_into_the_outbox_once_across_two_starts()
    {
        RollBack();
        using var outbox = new SqliteOutbox(new OutboxOptions { Path = _folder.File("outbox.db") });
        using var sink = new OutboxAlertSink(Mapper, outbox);

        var first = new FirmwareTrial(_slots, Policy, _clock);
        first.Start();
        var sent = first.ReportRollback(alert => sink.Store(alert, out _));
        var second = new FirmwareTrial(_slots, Policy, _clock);
        second.Start();

        Assert.NotNull(sent);
        Assert.Null(second.UnreportedRollback);
        Assert.Null(second.ReportRollback(_ => throw new InvalidOperationException("reported twice")));
        Assert.Equal("2.0.0", second.LastRollback?.Version);
        var stored = Assert.Single(outbox.Read(0, 10));
        Assert.Equal((Mapper.Topics.Alert("sensor"), sent.Id), (stored.Topic, stored.MessageId));
        SchemaValidator.AssertValid(UplinkSchemas.Alert, Encoding.UTF8.GetString(stored.Payload));
        Assert.Equal(sent.Id, _slots.ReadState().LastRollback?.AlertId);
        Assert.Equal((1, 1), (sink.Raised, sink.Queued));
    }

    [Fact]
    public void A_crash_after_the_outbox_took_it_but_before_the_mark_sends_it_again_under_the_same_id()
    {
        RollBack();
        var sent = new List<string>();

        var crashing = new FirmwareTrial(_slots, Policy, _clock);
        crashing.Start();
        Assert.Throws<PowerCut>(() => crashing.ReportRollback(alert =>
        {
            sent.Add(alert.Id);
            throw new PowerCut();
        }));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var next = new FirmwareTrial(_slots, Policy, _clock);
        next.Start();
        var again = next.ReportRollback(alert =>
        {
            sent.Add(alert.Id);
            return true;
        });

        Assert.Equal(2, sent.Count);
        Assert.Equal(sent[0], sent[1]);
        Assert.Equal(sent[0], again?.Id);
        Assert.Equal(sent[0], _slots.ReadState().LastRollback?.AlertId);
    }

    [Fact]
    public void A_rollback_the_outbox_did_not_take_stays_unreported_for_the_next_start()
    {
        RollBack();
        var trial = new FirmwareTrial(_slots, Policy, _clock);
        trial.Start();

        Assert.Null(trial.ReportRollback(_ => false));

        Assert.NotNull(trial.UnreportedRollback);
        Assert.Null(_slots.ReadState().LastRollback?.AlertId);
        var next = new FirmwareTrial(_slots, Policy, _clock);
        next.Start();
        Assert.Equal("2.0.0", next.UnreportedRollback?.Version);
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
