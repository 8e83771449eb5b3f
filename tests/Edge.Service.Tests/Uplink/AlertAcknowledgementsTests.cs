using Edge.Detect.Findings;
using Edge.Service.Tests.TestSupport;
using Edge.Service.Uplink;

namespace Edge.Service.Tests.Uplink;

public class AlertAcknowledgementsTests
{
    [Fact]
    public void Only_high_and_critical_alerts_stay_open()
    {
        var acks = new AlertAcknowledgements();

        acks.Raise(TestAlerts.Alert(1, Severity.Low));
        acks.Raise(TestAlerts.Alert(2, Severity.Medium));
        acks.Raise(TestAlerts.Alert(3, Severity.High));
        acks.Raise(TestAlerts.Alert(4, Severity.Critical));

        Assert.Equal(2, acks.OpenCount);
        Assert.Equal(Severity.Critical, acks.Highest);
    }

    [Fact]
    public void An_unknown_id_is_not_acknowledged()
    {
        var acks = new AlertAcknowledgements();
        acks.Raise(TestAlerts.Alert(1));

        Assert.False(acks.Acknowledge(TestAlerts.Id(2)));
        Assert.Equal((1, 0L), (acks.OpenCount, acks.Acknowledged));
    }

    [Fact]
    public void Acknowledging_a_known_alert_closes_it_and_a_second_ack_still_knows_it()
    {
        var acks = new AlertAcknowledgements();
        acks.Raise(TestAlerts.Alert(1));
        acks.Raise(TestAlerts.Alert(2, Severity.Low));

        Assert.True(acks.Acknowledge(TestAlerts.Id(1)));
        Assert.True(acks.Acknowledge(TestAlerts.Id(1)));
        Assert.True(acks.Acknowledge(TestAlerts.Id(2)));

        Assert.Equal((0, 1L), (acks.OpenCount, acks.Acknowledged));
        Assert.Null(acks.Highest);
    }

    [Fact]
    public void A_count_update_does_not_reopen_an_acknowledged_alert()
    {
        var acks = new AlertAcknowledgements();
        acks.Raise(TestAlerts.Alert(1, Severity.Critical));
        Assert.True(acks.Acknowledge(TestAlerts.Id(1)));

        acks.Raise(TestAlerts.Alert(1, Severity.Critical, update: true));

        Assert.Equal(0, acks.OpenCount);
        Assert.Null(acks.Highest);
    }

    [Fact]
    public void Highest_follows_what_is_still_open()
    {
        var acks = new AlertAcknowledgements();
        Assert.Null(acks.Highest);
        acks.Raise(TestAlerts.Alert(1, Severity.High));
        acks.Raise(TestAlerts.Alert(2, Severity.Critical));

        acks.Acknowledge(TestAlerts.Id(2));
        Assert.Equal(Severity.High, acks.Highest);
        acks.Acknowledge(TestAlerts.Id(1));
        Assert.Null(acks.Highest);
    }

    [Fact]
    public void Past_capacity_the_oldest_open_alert_is_forgotten_and_counted()
    {
        var acks = new AlertAcknowledgements(capacity: 3);

        for (var i = 0; i < 5; i++)
            acks.Raise(TestAlerts.Alert(i));

        Assert.Equal(3, acks.Capacity);
        Assert.Equal((3, 2L), (acks.OpenCount, acks.Forgotten));
        Assert.True(acks.Acknowledge(TestAlerts.Id(4)));
        Assert.Equal(2, acks.OpenCount);
    }

    [Fact]
    public void An_acknowledged_alert_leaving_the_window_is_not_counted_as_forgotten()
    {
        var acks = new AlertAcknowledgements(capacity: 2);
        acks.Raise(TestAlerts.Alert(0));
        acks.Acknowledge(TestAlerts.Id(0));

        acks.Raise(TestAlerts.Alert(1));
        acks.Raise(TestAlerts.Alert(2));

        Assert.Equal((2, 0L), (acks.OpenCount, acks.Forgotten));
    }

    [Fact]
    public void An_open_alert_stays_acknowledgeable_after_many_low_alerts()
    {
        var acks = new AlertAcknowledgements(capacity: 4);
        acks.Raise(TestAlerts.Alert(0, Severity.Critical));
        for (var i = 1; i <= 10; i++)
            acks.Raise(TestAlerts.Alert(i, Severity.Low));

        Assert.Equal(Severity.Critical, acks.Highest);
        Assert.True(acks.Acknowledge(TestAlerts.Id(0)));
        Assert.Null(acks.Highest);
    }
}
