using Edge.Detect.Findings;
using Edge.Firmware.Slots;
using Edge.Service.Firmware;
using Edge.Service.Tests.TestSupport;
using Edge.Service.Uplink;

namespace Edge.Service.Tests.Uplink;

/// <summary>With a journal, what is open and what was acknowledged survives a restart.</summary>
public sealed class AlertAcknowledgementsJournalTests : IDisposable
{
    private readonly string _journal = Path.Combine(Path.GetTempPath(), $"edge-acks-{Guid.NewGuid():N}.log");

    public void Dispose()
    {
        File.Delete(_journal);
        File.Delete(_journal + ".tmp");
    }

    [Fact]
    public void Open_and_acknowledged_alerts_survive_a_restart()
    {
        var before = new AlertAcknowledgements(journal: _journal);
        before.Raise(TestAlerts.Alert(1, Severity.Critical));
        before.Raise(TestAlerts.Alert(2, Severity.High));
        before.Raise(TestAlerts.Alert(3, Severity.Low));
        Assert.True(before.Acknowledge(TestAlerts.Id(2)));

        var after = new AlertAcknowledgements(journal: _journal);

        Assert.Equal((1, Severity.Critical), (after.OpenCount, after.Highest!.Value));
        Assert.True(after.Acknowledge(TestAlerts.Id(3)));
        Assert.True(after.Acknowledge(TestAlerts.Id(1)));
        Assert.Equal(0, new AlertAcknowledgements(journal: _journal).OpenCount);
    }

    [Fact]
    public void A_firmware_rollback_alert_stays_open_for_the_leds_across_restarts_until_acknowledged_and_a_resend_does_not_reopen_it()
    {
        var rollback = RollbackAlert.Create(new RollbackRecord("b", "a", "2.1.0", "version 2.1.0 was not healthy within 300 s",
            new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero)));
        new AlertAcknowledgements(journal: _journal).Raise(rollback);

        var after = new AlertAcknowledgements(journal: _journal);
        Assert.Equal((1, Severity.High), (after.OpenCount, after.Highest!.Value));
        Assert.True(after.Acknowledge(rollback.Id));

        var resent = new AlertAcknowledgements(journal: _journal);
        resent.Raise(rollback);
        Assert.Equal(0, resent.OpenCount);
    }

    [Fact]
    public void The_journal_is_compacted_and_keeps_what_is_open()
    {
        var acks = new AlertAcknowledgements(capacity: 8, journal: _journal);
        acks.Raise(TestAlerts.Alert(0, Severity.Critical));
        for (var i = 1; i <= 100; i++)
            acks.Raise(TestAlerts.Alert(i, Severity.Low));

        Assert.True(File.ReadAllLines(_journal).Length <= 4 * 8 + 1);
        var after = new AlertAcknowledgements(capacity: 8, journal: _journal);
        Assert.Equal(Severity.Critical, after.Highest);
        Assert.True(after.Acknowledge(TestAlerts.Id(0)));
    }

    [Fact]
    public void A_line_cut_by_a_crash_is_skipped()
    {
        new AlertAcknowledgements(journal: _journal).Raise(TestAlerts.Alert(1, Severity.High));
        File.AppendAllText(_journal, "r 01J");

        Assert.Equal(1, new AlertAcknowledgements(journal: _journal).OpenCount);
    }
}
