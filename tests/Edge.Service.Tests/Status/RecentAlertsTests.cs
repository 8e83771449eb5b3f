using Edge.Service.Status;
using Edge.Service.Tests.TestSupport;

namespace Edge.Service.Tests.Status;

public sealed class RecentAlertsTests
{
    [Fact]
    public void Keeps_the_newest_alerts_newest_first_and_ignores_count_updates()
    {
        var recent = new RecentAlerts(capacity: 3);
        for (var n = 1; n <= 5; n++)
            recent.Raise(TestAlerts.Alert(n));
        recent.Raise(TestAlerts.Alert(6, update: true));

        Assert.Equal([TestAlerts.Id(5), TestAlerts.Id(4), TestAlerts.Id(3)], recent.Snapshot().Select(a => a.Id));
    }

    [Fact]
    public void Starts_empty()
    {
        Assert.Empty(new RecentAlerts().Snapshot());
    }
}
