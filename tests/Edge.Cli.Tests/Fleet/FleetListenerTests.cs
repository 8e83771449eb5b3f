using System.Text;
using System.Text.Json;
using Edge.Cli.Broker;
using Edge.Cli.Fleet;
using Edge.Uplink.Messages;
using Edge.Uplink.Mqtt;

namespace Edge.Cli.Tests.Fleet;

public sealed class FleetListenerTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FleetListener _listener = new(new BrokerOptions(BrokerEndpoint.Parse("mqtt://127.0.0.1:1")), "edge/v1", null, TimeProvider.System);

    private static BrokerMessage Message(string topic, string payload, double seconds = 0) =>
        new(topic, Encoding.UTF8.GetBytes(payload), false, Start.AddSeconds(seconds));

    [Fact]
    public void Statuses_and_heartbeats_are_taken_by_the_ids_in_their_topic()
    {
        var snapshot = new FleetSnapshot(Start);

        _listener.Take(snapshot, Message("edge/v1/town-a/gw-1/status", "{\"schema\":\"edge.status/1\",\"state\":\"online\",\"version\":\"2.1.0\"}"));
        _listener.Take(snapshot, Message("edge/v1/town-a/gw-1/heartbeat",
            JsonSerializer.Serialize(FleetSnapshotTests.Heartbeat(depth: 9), UplinkJsonContext.Default.HeartbeatMessage), 3));

        var sensor = Assert.Single(snapshot.Sensors);
        Assert.Equal(("town-a", "gw-1", "2.1.0", 9L), (sensor.Agency, sensor.Sensor, sensor.Version, sensor.OutboxDepth!.Value));
        Assert.Equal(Start.AddSeconds(3), sensor.HeartbeatAt);
        Assert.Equal(0, _listener.Unreadable);
    }

    [Theory]
    [InlineData("edge/v1/town-a/gw-1/status", "")]
    [InlineData("edge/v1/town-a/gw-1/status", "{\"schema\":\"edge.status/1\"}")]
    [InlineData("edge/v1/town-a/gw-1/heartbeat", "[]")]
    [InlineData("edge/v1/town-a/gw-1/heartbeat", "{\"ts\":\"x\"}")]
    [InlineData("edge/v1/Town_A/gw-1/status", "{\"state\":\"online\"}")]
    public void A_message_that_is_not_a_status_or_heartbeat_is_counted_and_changes_nothing(string topic, string payload)
    {
        var snapshot = new FleetSnapshot(Start);

        _listener.Take(snapshot, Message(topic, payload));

        Assert.Empty(snapshot.Sensors);
        Assert.Equal(1, _listener.Unreadable);
    }
}
