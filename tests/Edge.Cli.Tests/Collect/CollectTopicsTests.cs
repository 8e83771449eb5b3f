using Edge.Cli.Collect;

namespace Edge.Cli.Tests.Collect;

public sealed class CollectTopicsTests
{
    [Fact]
    public void Alerts_and_heartbeats_are_shared_status_is_not_because_retained_messages_never_reach_a_shared_subscription()
    {
        var topics = new CollectTopics("edge/v1", "incident");

        Assert.Equal(["$share/incident/edge/v1/+/+/alert/#", "$share/incident/edge/v1/+/+/heartbeat", "edge/v1/+/+/status"], topics.Filters);
    }

    [Fact]
    public void Without_shared_subscriptions_every_filter_is_plain()
    {
        var topics = new CollectTopics("edge/v1", "incident", shared: false);

        Assert.Equal(["edge/v1/+/+/alert/#", "edge/v1/+/+/heartbeat", "edge/v1/+/+/status"], topics.Filters);
    }

    [Theory]
    [InlineData("edge/v1/town-a/gw-1/alert/cnc", TopicKind.Alert, "cnc")]
    [InlineData("edge/v1/town-a/gw-1/status", TopicKind.Status, null)]
    [InlineData("edge/v1/town-a/gw-1/heartbeat", TopicKind.Heartbeat, null)]
    public void A_sensor_topic_names_agency_sensor_and_kind(string topic, TopicKind kind, string? category)
    {
        Assert.True(new CollectTopics("edge/v1", "g").TryParse(topic, out var parts, out _));
        Assert.Equal(new TopicParts(kind, "town-a", "gw-1", category), parts);
    }

    [Theory]
    [InlineData("edge/v1/town-a/gw-1/alert/")]
    [InlineData("edge/v1/town-a/gw-1/alert")]
    [InlineData("edge/v1/town-a/gw-1/alert/cnc/x")]
    [InlineData("edge/v1/town-a/gw-1/cmd/ping")]
    [InlineData("edge/v1/town-a/gw-1/cmd-result")]
    [InlineData("edge/v1/town-a/status")]
    [InlineData("edge/v1")]
    [InlineData("edge/v1/")]
    [InlineData("edge/v10/town-a/gw-1/status")]
    [InlineData("edge/v1/TOWN/gw-1/status")]
    [InlineData("edge/v1/town_a/gw-1/status")]
    [InlineData("edge/v1//gw-1/status")]
    public void Anything_else_is_not_a_sensor_topic(string topic)
    {
        Assert.False(new CollectTopics("edge/v1", "g").TryParse(topic, out _, out var reason));
        Assert.NotEqual("", reason);
    }
}
