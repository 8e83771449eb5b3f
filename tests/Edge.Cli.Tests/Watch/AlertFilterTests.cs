using Edge.Cli.Watch;

namespace Edge.Cli.Tests.Watch;

public sealed class AlertFilterTests
{
    [Fact]
    public void Without_filters_it_subscribes_to_every_alert_of_every_sensor_and_takes_them_all()
    {
        var filter = new AlertFilter();

        Assert.Equal(["edge/v1/+/+/alert/#"], filter.TopicFilters("edge/v1"));
        Assert.True(filter.Matches(WatchFixtures.Alert(severity: "low")));
    }

    [Fact]
    public void Agency_sensor_and_categories_narrow_the_subscription_one_filter_per_category()
    {
        var filter = new AlertFilter { Agency = "town-a", Sensor = "gw-1", Categories = ["cnc", "phishing", "cnc"] };

        Assert.Equal(["prov/x/town-a/gw-1/alert/cnc", "prov/x/town-a/gw-1/alert/phishing"], filter.TopicFilters("prov/x"));
        Assert.Equal(["edge/v1/+/gw-9/alert/#"], new AlertFilter { Sensor = "gw-9" }.TopicFilters("edge/v1"));
    }

    [Fact]
    public void The_payload_decides_even_when_the_topic_let_it_through()
    {
        var filter = new AlertFilter { Agency = "town-a", Sensor = "gw-1", Categories = ["cnc"] };

        Assert.True(filter.Matches(WatchFixtures.Alert()));
        Assert.False(filter.Matches(WatchFixtures.Alert(agency: "town-b")));
        Assert.False(filter.Matches(WatchFixtures.Alert(sensor: "gw-2")));
        Assert.False(filter.Matches(WatchFixtures.Alert(category: "phishing")));
    }

    [Theory]
    [InlineData("low", "low", true)]
    [InlineData("medium", "low", false)]
    [InlineData("high", "medium", false)]
    [InlineData("high", "high", true)]
    [InlineData("high", "critical", true)]
    [InlineData("critical", "high", false)]
    [InlineData("low", "nonsense", false)]
    public void Min_severity_keeps_that_severity_and_worse(string min, string severity, bool shown) =>
        Assert.Equal(shown, new AlertFilter { MinSeverity = min }.Matches(WatchFixtures.Alert(severity: severity)));
}
